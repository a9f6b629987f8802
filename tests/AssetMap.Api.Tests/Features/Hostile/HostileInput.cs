using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AssetMap.Api.Tests.Features.Hostile;

/// <summary>
/// Inputs PostgreSQL or Npgsql refuse, or that no sane client sends, and the check that an answer to one gives nothing
/// away. Strings are escaped by hand: a JSON or GraphQL serializer would "repair" a lone surrogate before it was sent.
/// </summary>
internal static class HostileInput
{
    /// <summary>Text values, sent inside a GraphQL document or a JSON body.</summary>
    public static readonly string[] Texts = ["x\0y", "\0", "\ud800", "a\udc00b", new('a', 10_000), new('\0', 300)];

    /// <summary>Already percent-encoded URL values: NUL, a UTF-8-encoded surrogate, invalid UTF-8, a 10,000-character id.</summary>
    public static readonly string[] UrlValues = ["x%00y", "%00", "%ED%A0%80", "%C3%28", "%FF", "a%FFb%FE", new('a', 10_000)];

    // {X} is where the hostile value goes: every path segment and query parameter the REST API reads.
    private static readonly string[] RestTemplates =
    [
        .. new[] { "assets", "hubs", "micro-enterprises", "activities" }.SelectMany(kind => new[]
        {
            $"/api/v1/{kind}/{{X}}", $"/api/v1/{kind}?q={{X}}", $"/api/v1/{kind}?pcn={{X}}", $"/api/v1/{kind}?category={{X}}",
            $"/api/v1/{kind}?openOn={{X}}", $"/api/v1/{kind}?postcode={{X}}", $"/api/v1/{kind}?{{X}}=1",
        }),
        "/api/v1/assets/{X}.geojson", "/api/v1/pcn-areas?{X}", "/api/v1/pcn-areas/{X}", "/api/v1/pcn-areas/{X}/assets",
        "/api/v1/pcn-areas/U81042/assets?q={X}", "/api/v1/pcn-areas/lookup?postcode={X}", "/api/v1/pcn-areas/lookup?lat={X}&lon=0.3",
        "/api/v1/postcodes/{X}", "/api/v1/categories?{X}={X}", "/{X}", "/graphql?query={X}", "/graphql?query={__typename}&variables={X}",
    ];

    /// <summary>Every REST template filled with every URL value; true for the GraphQL GET ones.</summary>
    public static IEnumerable<(string Url, bool GraphQL)> RestUrls() =>
        from template in RestTemplates
        from value in UrlValues
        select (template.Replace("{X}", value, StringComparison.Ordinal), template.StartsWith("/graphql", StringComparison.Ordinal));

    public static readonly string?[] AcceptHeaders = [null, "application/json", "text/html", "application/xml", "*/*"];

    // What a database error, an exception or a stack trace would bring into a body.
    private static readonly string[] Internals =
    [
        "SqlState", "Npgsql", "Postgres", "Exception", "   at ", "at AssetMap.", "\"routine\"", "\"22021\"", "\"file\"",
        "invalid byte sequence", "stackTrace", "innerException",
    ];

    /// <summary>A GraphQL string literal with every non-printable or non-ASCII character as \uXXXX.</summary>
    public static string GraphQLLiteral(string value) => Quote(value);

    /// <summary>A JSON string with every non-printable or non-ASCII character as \uXXXX (lone surrogates too).</summary>
    public static string JsonLiteral(string value) => Quote(value);

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            text.Append(c is >= ' ' and <= '~' and not '"' and not '\\'
                ? c.ToString()
                : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return text.Append('"').ToString();
    }

    /// <summary>The problems with one answer: a 5xx, an error body that is no problem document, a leaked internal.</summary>
    public static IEnumerable<string> Problems(string request, HttpResponseMessage response, string body, bool graphql)
    {
        var status = (int)response.StatusCode;
        var where = $"{request} → {status}";
        if (status >= 500)
        {
            yield return $"{where}: server error {Shorten(body)}";
        }

        foreach (var leak in Internals.Where(i => body.Contains(i, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{where}: body contains '{leak}': {Shorten(body)}";
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType == "application/problem+json")
        {
            if (!IsJsonWith(body, "status") || !IsJsonWith(body, "title"))
            {
                yield return $"{where}: problem body without status and title: {Shorten(body)}";
            }
        }
        else if (graphql && status < 300)
        {
            if (!IsJsonWith(body, "errors") && !IsJsonWith(body, "data"))
            {
                yield return $"{where}: GraphQL body with neither data nor errors: {Shorten(body)}";
            }
        }
        else if (graphql ? !IsJsonWith(body, "errors") : status >= 400)
        {
            yield return $"{where}: error body is {mediaType ?? "empty"}, not problem details{(graphql ? " or GraphQL errors" : "")}: {Shorten(body)}";
        }
    }

    private static bool IsJsonWith(string body, string property)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(property, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
