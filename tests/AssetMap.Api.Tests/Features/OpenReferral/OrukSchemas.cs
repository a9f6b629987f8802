using System.Text.Json;
using Json.Schema;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>
/// The ORUK 3.0 JSON schemas (committed copies of openreferraluk.org/specifications/3.0/schema, see Fixtures), each
/// registered under the URL the others <c>$ref</c> it by, evaluated with format checks on (uuid, uri, email, date-time).
/// </summary>
internal static class OrukSchemas
{
    public const string BaseUrl = "https://openreferraluk.org/specifications/3.0/schema/";

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    private static readonly EvaluationOptions Options = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Features", "OpenReferral", "Fixtures");

    /// <summary>The errors of <paramref name="json"/> against schema <paramref name="name"/> (e.g. <c>service_list</c>); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string name, JsonElement json)
    {
        var result = Schemas.Value[name].Evaluate(json, Options);
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid")];
    }

    public static void AssertValid(string name, JsonElement json, string what)
    {
        var errors = Errors(name, json);
        Assert.True(errors.Count == 0, $"{what} is not a valid ORUK {name}:\n{string.Join("\n", errors.Take(20))}");
    }

    // Referenced schemas must be known before the schemas that refer to them are built: build until all are.
    private static Dictionary<string, JsonSchema> Load()
    {
        // The schemas carry no $schema and documentation keywords of their own (name, core, constraints…): draft 2020-12 allows those.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var pending = Directory.GetFiles(Path.Combine(FixturesDirectory, "schema"), "*.json").ToList();
        var built = new Dictionary<string, JsonSchema>();
        var last = "";
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var file in pending.ToList())
            {
                var name = Path.GetFileNameWithoutExtension(file);
                try
                {
                    var schema = JsonSchema.FromText(File.ReadAllText(file), options, new Uri(BaseUrl + Path.GetFileName(file)));
                    built[name] = schema;
                    pending.Remove(file);
                    progress = true;
                }
                catch (Exception e) when (e is RefResolutionException or JsonSchemaException)
                {
                    // Not yet: a schema it refers to is still pending.
                    last = $"{Path.GetFileName(file)}: {e.Message}";
                }
            }

            Assert.True(progress, $"Cannot build ORUK schemas: {string.Join(", ", pending.Select(Path.GetFileName))} ({last})");
        }

        return built;
    }
}
