using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AssetMap.Api.Tests.Fuzz;

/// <summary>
/// REST requests built from the committed OpenAPI document: every path and every parameter it declares, filled with
/// good, wrong-typed, hostile and huge values, plus unknown parameters, odd methods and odd Accept headers.
/// </summary>
internal sealed class RestFuzz
{
    private readonly List<(string Path, List<(string Name, string In, string Type)> Parameters)> _operations = [];

    public RestFuzz(string openApiPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(openApiPath));
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.GetProperty("schema").TryGetProperty("type", out var type) ? type.GetString()! : "string")).ToList()
                    : [];
                _operations.Add((path.Name, parameters));
            }
        }
    }

    public int OperationCount => _operations.Count;

    public FuzzRequest Next(Random random)
    {
        var (template, parameters) = random.Pick(_operations);
        var path = template;
        var query = new List<string>();

        // Mostly one bad value among good ones, so that it gets past validation of the others and reaches deeper code.
        var target = parameters.Count == 0 || random.Next(5) == 0 ? -1 : random.Next(parameters.Count);
        var allRandom = target < 0 && random.Next(2) == 0;
        for (var p = 0; p < parameters.Count; p++)
        {
            var (name, location, type) = parameters[p];
            string Fill() => p == target || allRandom ? Value(random, name, type) : Encode(random, Good(random, name, type));
            if (location == "path")
            {
                // TestServer will not carry a path that decodes to NUL (Kestrel answers 400 itself): ProductionOverHttpTests covers that.
                var value = Fill().Replace("%00", "", StringComparison.Ordinal);
                path = path.Replace("{" + name + "}", value.Length == 0 ? "x" : value, StringComparison.Ordinal);
            }
            else if (p == target || random.Next(4) == 0)
            {
                var repeats = type == "array" ? random.Next(1, 4) : 1;
                for (var i = 0; i < repeats; i++)
                {
                    query.Add($"{name}={Fill()}");
                }
            }
        }

        if (random.Next(6) == 0)
        {
            var name = FuzzValues.Text(random);
            query.Add($"{Encode(random, name[..Math.Min(20, name.Length)])}={Value(random, "x", "string")}");
        }

        if (random.Next(12) == 0 && !path.Contains('{', StringComparison.Ordinal))
        {
            path += ".geojson";
        }

        var method = random.Next(20) switch { 0 => "POST", 1 => "DELETE", 2 => "PUT", 3 => "HEAD", _ => "GET" };
        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        return new FuzzRequest(method, url, random.Pick(FuzzValues.AcceptHeaders), null, null, GraphQL: false);
    }

    private static string Value(Random random, string name, string type)
    {
        var roll = random.Next(10);
        if (roll < 5)
        {
            return Encode(random, Good(random, name, type));
        }

        return roll switch
        {
            5 or 6 => Encode(random, random.Pick(FuzzValues.Nasty)),
            7 => random.Pick(FuzzValues.EncodedHostile),
            8 => Encode(random, FuzzValues.Text(random)),
            _ => Encode(random, Good(random, name, type)) + random.Pick(FuzzValues.EncodedHostile),
        };
    }

    private static string Good(Random random, string name, string type) => name switch
    {
        "postcode" => random.Pick(FuzzValues.Postcodes),
        "pcn" or "code" => random.Pick(FuzzValues.PcnCodes),
        "category" => random.Pick(FuzzValues.Categories),
        "kind" => random.Pick(FuzzValues.Kinds),
        "q" => random.Pick(FuzzValues.Words),
        "openOn" => random.Pick(FuzzValues.Days),
        "verifiedSince" => new DateOnly(2020, 1, 1).AddDays(random.Next(3_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "lat" => (51.45 + (random.NextDouble() * 0.11)).ToString("0.#####", CultureInfo.InvariantCulture),
        "lon" => (0.21 + (random.NextDouble() * 0.34)).ToString("0.#####", CultureInfo.InvariantCulture),
        "radius" => random.Next(100, 20_001).ToString(CultureInfo.InvariantCulture),
        "page" => random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
        "pageSize" => random.Next(1, 26).ToString(CultureInfo.InvariantCulture),
        "idOrSlug" => random.Next(3) switch { 0 => Guid.NewGuid().ToString(), 1 => "aveley-village-hub", _ => "grays-lunch-club" },
        _ => type switch
        {
            "number" or "integer" => FuzzValues.Number(random),
            "boolean" => random.Next(2) == 0 ? "true" : "false",
            _ => random.Pick(FuzzValues.Words),
        },
    };

    // Percent-encoded (the usual), or raw with only the characters that would change the URL's shape removed.
    private static string Encode(Random random, string value)
    {
        if (random.Next(4) != 0)
        {
            try
            {
                return Uri.EscapeDataString(value);
            }
            catch (UriFormatException)
            {
                // A lone surrogate cannot be UTF-8 encoded by .NET: send its (invalid) UTF-8 bytes by hand.
                return string.Concat(Encoding.UTF8.GetBytes(value.Replace('\uFFFD', '?')).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
            }
        }

        var raw = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '&' or '#' or '%' or '?' or '/' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c > 126)
            {
                raw.Append(Uri.EscapeDataString(char.IsSurrogate(c) ? "?" : c.ToString()));
            }
            else
            {
                raw.Append(c);
            }
        }

        return raw.ToString();
    }
}

/// <summary>One generated request; <see cref="ToString"/> is what a failure prints to replay it by hand.</summary>
internal sealed record FuzzRequest(string Method, string Url, string? Accept, string? Body, string? ContentType, bool GraphQL)
{
    public override string ToString() =>
        $"{Method} {Shorten(Url)} (Accept: {Accept ?? "none"}{(ContentType is null ? "" : $", Content-Type: {ContentType}")}){(Body is null ? "" : " body " + Shorten(Body))}";

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + $"…({text.Length} chars)";
}
