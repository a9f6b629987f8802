using System.Globalization;
using System.Text;
using AssetMap.Api.Tests.Features.Hostile;

namespace AssetMap.Api.Tests.Fuzz;

/// <summary>
/// GraphQL requests: every root field with random arguments (good, wrong-typed, hostile, huge), random selections,
/// aliases (sometimes hundreds), fragments, variables, broken syntax, batches holding non-objects, GET and POST,
/// wrong content types and odd Accept headers.
/// </summary>
internal static class GraphQLFuzz
{
    private static readonly string[] Searches = ["assets", "hubs", "microEnterprises", "activities"];

    private static readonly string[] NodeSelections =
    [
        "name", "id uuid slug kind", "name categories { slug name }", "name pcnArea { code name }", "location { latitude longitude } distanceMetres",
        "name ... on SocialPrescribingActivity { venue { name } }", "contact { phone email website } address { line1 town }", "__typename",
    ];

    private static readonly string[] OddBodies =
        ["[null]", "[]", "null", "1", "\"{ __typename }\"", "[[]]", "{", "[{\"query\": 1}]", "{\"query\": null}", "{\"query\": \"{ __typename }\", \"variables\": 7}", ""];

    private static readonly string[] IdLike = ["x\0y", "\ud800", "a\udc00b", "U81042", "aveley-village-hub", "UGNuQXJlYTpVODEwNDI="];

    private static readonly string[] KindLists = ["HUB", "MICRO_ENTERPRISE", "ACTIVITY", "HUB, ACTIVITY", "MEMBER"];

    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/graphql"];

    public static FuzzRequest Next(Random random)
    {
        var accept = random.Pick(FuzzValues.AcceptHeaders);
        var roll = random.Next(20);
        if (roll < 3)
        {
            var query = Document(random);
            var url = "/graphql?query=" + Uri.EscapeDataString(Unpaired(query));
            if (random.Next(3) == 0)
            {
                url += "&variables=" + Uri.EscapeDataString(Unpaired(Variables(random)));
            }

            return new FuzzRequest("GET", url, accept, null, null, GraphQL: true);
        }

        var contentType = random.Next(15) == 0 ? random.Pick(ContentTypes) : "application/json";
        var body = roll switch
        {
            3 => Batch(random),
            4 => random.Pick(OddBodies),
            _ => Single(random),
        };
        return new FuzzRequest("POST", "/graphql", accept, body, contentType, GraphQL: true);
    }

    private static string Single(Random random)
    {
        var variables = random.Next(3) == 0 ? $", \"variables\": {Variables(random)}" : "";
        return $"{{\"query\": {HostileInput.JsonLiteral(Document(random))}{variables}}}";
    }

    private static string Batch(Random random) =>
        "[" + string.Join(",", Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(8) == 0 ? "null" : Single(random))) + "]";

    private static string Document(Random random)
    {
        var fields = random.Next(15) == 0 ? random.Next(50, 400) : random.Next(1, 4);
        var body = string.Join(" ", Enumerable.Range(0, fields).Select(i => $"a{i}: {Field(random)}"));
        var document = random.Next(6) == 0
            ? $"query Q($v: String, $n: Int, $p: PointInput) {{ ...F }} fragment F on Query {{ {body} }}"
            : $"{{ {body} }}";
        return random.Next(12) == 0 ? document[..random.Next(document.Length)] : document;
    }

    private static string Field(Random random) => random.Next(10) switch
    {
        < 5 => $"{random.Pick(Searches)}{Arguments(random)} {{ totalCount {(random.Next(2) == 0 ? $"edges {{ cursor node {{ {random.Pick(NodeSelections)} }} }}" : "pageInfo { hasNextPage endCursor }")} }}",
        5 => $"asset(id: {StringValue(random)}) {{ {random.Pick(NodeSelections)} }}",
        6 => $"node(id: {StringValue(random)}) {{ id __typename }}",
        7 => $"pcnArea(code: {StringValue(random)}) {{ code name {(random.Next(4) == 0 ? "counts { total }" : "")} }}",
        8 => $"postcode(code: {StringValue(random)}) {{ code pcnArea {{ code }} }}",
        _ => random.Next(2) == 0 ? "pcnAreas { code name }" : "categories { slug assetCount }",
    };

    private static string Arguments(Random random)
    {
        var arguments = new List<string>();
        foreach (var (name, kind) in new[]
        {
            ("near", "point"), ("postcode", "postcode"), ("radiusMetres", "int"), ("categories", "list"), ("text", "text"), ("openOn", "day"),
            ("free", "bool"), ("accessible", "bool"), ("acceptsDirectPayments", "bool"), ("verifiedSince", "date"), ("kinds", "kinds"),
            ("pcnCode", "pcn"), ("first", "int"), ("after", "text"),
        })
        {
            if (random.Next(5) == 0)
            {
                arguments.Add($"{name}: {ArgumentValue(random, kind)}");
            }
        }

        return arguments.Count == 0 ? "" : "(" + string.Join(", ", arguments) + ")";
    }

    private static string ArgumentValue(Random random, string kind)
    {
        if (random.Next(8) == 0)
        {
            // The wrong type, a variable, or hostile text.
            return random.Next(4) switch
            {
                0 => "$v",
                1 => "$n",
                2 => random.Next(2) == 0 ? "12345678901234567890" : "-1.5",
                _ => StringValue(random),
            };
        }

        return kind switch
        {
            "point" => random.Next(3) == 0 ? "$p" : $"{{latitude: {FuzzValues.Number(random)}, longitude: {FuzzValues.Number(random)}}}",
            "postcode" => Quote(random.Pick(FuzzValues.Postcodes)),
            "int" => random.Next(-5, 30).ToString(CultureInfo.InvariantCulture),
            "list" => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Quote(random.Pick(FuzzValues.Categories)))) + "]",
            "text" => Quote(random.Pick(FuzzValues.Words)),
            "day" => Quote(random.Pick(FuzzValues.Days)),
            "bool" => random.Next(2) == 0 ? "true" : "false",
            "date" => Quote("2024-0" + random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + "-01"),
            "kinds" => "[" + random.Pick(KindLists) + "]",
            _ => Quote(random.Pick(FuzzValues.PcnCodes)),
        };
    }

    private static string StringValue(Random random) => random.Next(4) switch
    {
        0 => Quote(random.Pick(FuzzValues.Nasty)),
        1 => Quote(FuzzValues.Text(random)),
        2 => Quote(random.Pick(IdLike)),
        _ => Quote(random.Pick(FuzzValues.PcnCodes)),
    };

    private static string Variables(Random random) => random.Next(5) switch
    {
        0 => "null",
        1 => "[1, 2]",
        2 => $"{{\"v\": {HostileInput.JsonLiteral(FuzzValues.Text(random))}, \"n\": \"x\"}}",
        3 => $"{{\"v\": {HostileInput.JsonLiteral(random.Pick(FuzzValues.Nasty))}, \"n\": {random.Next()}, \"p\": {{\"latitude\": 51.5, \"longitude\": 0.3}}}}",
        _ => "{\"v\": {\"deep\": [1, {\"x\": \"\\ud800\"}]}, \"p\": {\"latitude\": \"north\"}}",
    };

    // A GraphQL string literal: every non-printable or non-ASCII character (lone surrogates too) as \uXXXX.
    private static string Quote(string value) => HostileInput.GraphQLLiteral(value);

    // For a URL: an unpaired surrogate cannot be percent-encoded by .NET; GET carries the others (POST carries all).
    private static string Unpaired(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            safe.Append(paired ? c : '?');
        }

        return safe.ToString();
    }
}
