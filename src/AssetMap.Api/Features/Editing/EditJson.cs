using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// Reads edit bodies with the API's JSON settings, but strictly: a misspelt member is a 400 naming it rather than a
/// field silently cleared by a full replacement.
/// </summary>
internal sealed partial class EditJson(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public JsonSerializerOptions Options { get; } = new(json.Value.SerializerOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The body as a JSON tree, or a 400 naming what could not be read.</summary>
    public static async Task<(JsonNode? Node, EditErrors? Errors)> ParseAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            if (node is JsonObject)
            {
                return (node, null);
            }
        }
        catch (JsonException)
        {
            // reported below
        }

        var errors = new EditErrors();
        errors.Add("body", "The body is not a JSON object.");
        return (null, errors);
    }

    /// <summary>The tree as an <see cref="AssetEdit"/>, or errors naming the member that has the wrong type or is unknown.</summary>
    public (AssetEdit? Edit, EditErrors? Errors) Read(JsonNode node)
    {
        try
        {
            return (node.Deserialize<AssetEdit>(Options), null);
        }
        catch (JsonException e)
        {
            var errors = new EditErrors();
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            if (Unmapped().Match(e.Message) is { Success: true } unknown)
            {
                var name = unknown.Groups["name"].Value;
                var member = path.Length == 0 ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
                errors.Add(member, $"'{member}' is not a field of an entry.");
            }
            else
            {
                var member = path.Length == 0 ? "body" : path;
                errors.Add(member, $"'{member}' has a value of the wrong type.");
            }

            return (null, errors);
        }
    }

    public JsonNode Tree(AssetEdit edit) => JsonSerializer.SerializeToNode(edit, Options)!;

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex Unmapped();
}
