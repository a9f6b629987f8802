using System.Globalization;
using System.Text;

namespace AssetMap.Api.Tests.Fuzz;

/// <summary>The values the fuzzer draws from: good ones (so searches really run), wrong types, huge, hostile, injected.</summary>
internal static class FuzzValues
{
    public static readonly string[] Postcodes = ["RM16 2JT", "rm176sl", "RM17 6SL", "RM15 4HU", "RM15 4NA", "SS17 0AA", "ZZ9 9ZZ", "RM16"];
    public static readonly string[] PcnCodes = ["U81042", "U81041", "u81042", "U00000", "U8104", "X1"];
    public static readonly string[] Categories = ["lunch-clubs", "food-and-meals", "social-and-loneliness", "health-and-wellbeing", "arts-and-learning", "community-spaces", "care-at-home", "nope"];
    public static readonly string[] Kinds = ["hub", "micro-enterprise", "activity", "HUB", "member", "time-bank-member"];
    public static readonly string[] Days = ["monday", "tue", "Wednesday", "sat", "2026-12-01", "2026-02-30", "someday"];
    /// <summary>Search text: words, and text full of what tsquery syntax means (33 dashes overflowed its stack).</summary>
    public static readonly string[] Words =
    [
        "lunch", "club", "walk", "garden", "pets", "lunch club", "lnch", "café", "carers' café", "lunch_club", "ß", "😀",
        new string('-', 33) + "a", "lunch " + new string('-', 40) + "club", string.Join(' ', Enumerable.Repeat("-", 40)) + " lunch",
        string.Join(' ', Enumerable.Repeat("-a", 60)), "!(a & b) <-> c:*", "\"lunch club\" or -walk", "a | b & !c", "lunch:* & 'club'",
    ];

    /// <summary>Things that break naive code: syntax of SQL, LIKE, tsquery, JSON, HTML, paths, numbers.</summary>
    public static readonly string[] Nasty =
    [
        "", " ", "%", "_", "'", "\\", "\"", "NaN", "Infinity", "-Infinity", "1e309", "-0", "9999999999999999999999", "2147483648",
        "-2147483649", "0x10", "1,5", "51.5.3", "true", "TRUE", "yes", "null", "[]", "{}", "<script>alert(1)</script>",
        "'; DROP TABLE assets; --", "1 OR 1=1", "%25%25", "a%b_c", "../..", "..%2F..", "${jndi:ldap://x}", "{{7*7}}",
        "!(a & b) <-> c", "lunch " + new string('-', 40) + " club", new string('-', 33) + "a", string.Join(' ', Enumerable.Repeat("-", 40)),
        "0001-01-01", "9999-12-31", "\t", "\r\n", "+", "&", "=", "#", "?", "a;b", "U+0000",
    ];

    /// <summary>Already percent-encoded: NUL, a UTF-8-encoded surrogate, invalid UTF-8, an overlong encoding.</summary>
    public static readonly string[] EncodedHostile = ["%00", "x%00y", "%ED%A0%80", "%C3%28", "%FF", "a%FFb%FE", "%C0%AF", "%E2%82", "%", "%zz", "%u0041"];

    public static readonly string?[] AcceptHeaders =
    [
        null, null, "application/json", "text/html", "application/xml", "*/*", "application/geo+json", "application/problem+json",
        "text/plain", "image/png", "application/graphql-response+json", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1", "garbage;;q=x",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Number(Random random) => random.Next(6) switch
    {
        0 => random.Next(-200, 200).ToString(CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 360 - 180).ToString("R", CultureInfo.InvariantCulture),
        2 => (51.45 + random.NextDouble() * 0.11).ToString("R", CultureInfo.InvariantCulture),
        3 => (0.21 + random.NextDouble() * 0.34).ToString("R", CultureInfo.InvariantCulture),
        4 => random.Next().ToString(CultureInfo.InvariantCulture),
        _ => random.Next(1, 50_001).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Random text: ASCII, any BMP character (lone surrogates included), or a huge run.</summary>
    public static string Text(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(200, 12_000) : random.Next(0, 40);
        var text = new StringBuilder(length);
        var mode = random.Next(3);
        for (var i = 0; i < length; i++)
        {
            text.Append(mode switch
            {
                0 => (char)random.Next(32, 127),
                1 => (char)random.Next(1, 0x3000),
                _ => (char)random.Next(0, 0x10000),
            });
        }

        return text.ToString();
    }
}
