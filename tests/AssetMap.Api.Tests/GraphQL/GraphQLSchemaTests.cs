using System.Text.Json;
using System.Text.RegularExpressions;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

public sealed partial class GraphQLSchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] MemberLists = ["fields", "inputFields", "enumValues"];

    [Fact]
    public async Task Every_type_field_argument_and_enum_value_is_described()
    {
        var schema = (await api.CreateClient().PostAsync(
            "{ __schema { types { name description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }"))
            .Data().GetProperty("__schema").GetProperty("types");

        var missing = new List<string>();
        // Introspection types and the spec's built-in scalars are described by the GraphQL specification, not by us.
        string[] builtIn = ["String", "Boolean", "Int", "ID", "Float"];
        foreach (var type in schema.EnumerateArray().Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal)
            && !builtIn.Contains(t.GetProperty("name").GetString())))
        {
            var name = type.GetProperty("name").GetString();
            Check(type, name!);
            foreach (var member in MemberLists.SelectMany(m => Items(type, m)))
            {
                Check(member, $"{name}.{member.GetProperty("name").GetString()}");
                foreach (var argument in Items(member, "args"))
                {
                    Check(argument, $"{name}.{member.GetProperty("name").GetString()}({argument.GetProperty("name").GetString()})");
                }
            }
        }

        Assert.Empty(missing);

        void Check(JsonElement element, string path)
        {
            if (element.GetProperty("description").ValueKind != JsonValueKind.String)
            {
                missing.Add(path);
            }
        }
    }

    [Fact]
    public async Task The_introspection_query_graphiql_sends_is_within_the_limits()
    {
        var data = (await api.CreateClient().PostAsync(IntrospectionQuery.Text)).Data();

        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_graphql_examples_in_the_readme_run_as_written()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(TestSupport.SeedData.Directory)!, "README.md"), TestContext.Current.CancellationToken);
        var examples = GraphQLBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        var client = api.CreateClient();

        Assert.True(examples.Count >= 2, "the README should show GraphQL examples in ```graphql blocks");
        foreach (var example in examples)
        {
            var reply = await client.PostAsync(example);
            var data = reply.Data();
            Assert.NotEqual(JsonValueKind.Null, data.ValueKind);
        }
    }

    private static List<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
