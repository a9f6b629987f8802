using System.Globalization;
using System.Text.RegularExpressions;
using AssetMap.Domain;
using AssetMap.Domain.Assets;

namespace AssetMap.Import.Parsing;

internal static partial class CellParse
{
    private const string PriceExamples = "write one price like £5, 5.00 or free, optionally with a unit like '£5 per hour'";
    private static readonly string[] FreeWords = ["free", "free of charge", "no charge"];

    /// <summary>One price in pounds ("£5", "5.00", "free", "no charge", 5.5); any unit ("per hour") is dropped.</summary>
    public static Parsed<Money?> Price(object? cell)
    {
        var read = PriceWithUnit(cell);
        return read.Ok ? Parsed.Success(read.Value?.Price) : Parsed.Fail<Money?>(read.Reason!);
    }

    /// <summary>Like <see cref="Price"/>, keeping the unit: "£5 per hour" is (£5, "per hour"), "£3/session" is (£3, "per session").</summary>
    public static Parsed<(Money Price, string? Unit)?> PriceWithUnit(object? cell)
    {
        if (cell is double pounds)
        {
            return FromPounds(pounds);
        }

        if (cell is bool or DateTime)
        {
            return Parsed.Fail<(Money, string?)?>($"The cell is not a price: {PriceExamples}.");
        }

        var text = AsText(cell);
        if (text is null)
        {
            return Parsed.Success<(Money, string?)?>(null);
        }

        if (FreeWords.Contains(text.ToLowerInvariant()))
        {
            return Parsed.Success<(Money, string?)?>((Money.Free, null));
        }

        // "-5", "-£5": a price with a sign. Whether it may be negative is Money's rule, not the parser's.
        if (text.Length > 1 && text[0] is '-' or '\u2212' && PriceWithUnit(text[1..]) is { Ok: true, Value: { } unsigned })
        {
            return Signed(-unsigned.Price.Pence, unsigned.Unit);
        }

        // "£5-£10", "£5 or £3 concessions": the map shows one price, the description can explain the rest.
        if (Amount().Count(text) > 1)
        {
            return Parsed.Fail<(Money, string?)?>(
                $"'{text}' has more than one price: give one price; put the rest in the description.");
        }

        var match = PriceAndUnit().Match(text);
        if (!match.Success)
        {
            return Parsed.Fail<(Money, string?)?>(
                $"'{text}' is not a price: {PriceExamples}. Put donations, 'varies' and other details in the description.");
        }

        Money money;
        try
        {
            money = match.Groups["pence"].Success
                ? new Money(long.Parse(match.Groups["pence"].Value, CultureInfo.InvariantCulture))
                : Money.Parse(match.Groups["pounds"].Value.Replace(",", "", StringComparison.Ordinal));
        }
        catch (DomainRuleException e)
        {
            return Parsed.Fail<(Money, string?)?>(e.Message);
        }

        return Parsed.Success<(Money, string?)?>((money, Unit(match.Groups["unit"].Value)));
    }

    private static Parsed<(Money Price, string? Unit)?> FromPounds(double pounds)
    {
        // Excel stores 5.1 as 5.0999…; decimal's 15-digit conversion gives back the 5.1 that was typed.
        if (!double.IsFinite(pounds) || Math.Abs(pounds) > 1e9)
        {
            return Parsed.Fail<(Money, string?)?>($"{FormatNumber(pounds)} is not a price: {PriceExamples}.");
        }

        var amount = (decimal)pounds;
        return decimal.Round(amount, 2) != amount
            ? Parsed.Fail<(Money, string?)?>($"{FormatNumber(pounds)} is not a price in pounds and pence: use at most two decimal places.")
            : Signed((long)(amount * 100), null);
    }

    private static Parsed<(Money Price, string? Unit)?> Signed(long pence, string? unit)
    {
        try
        {
            return Parsed.Success<(Money, string?)?>((new Money(pence), unit));
        }
        catch (DomainRuleException e)
        {
            return Parsed.Fail<(Money, string?)?>(e.Message);
        }
    }

    // "/session" reads as "per session"; other units are kept as written, minus extra spaces.
    private static string? Unit(string unit)
    {
        var text = Whitespace().Replace(unit.Trim(), " ");
        if (text.Length == 0)
        {
            return null;
        }

        return text.StartsWith('/') ? $"per {text[1..].TrimStart()}" : text;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    // An amount (£5, 5.00, £1,200, 50p) and optionally a unit starting per/a/an/each/pp or "/".
    [GeneratedRegex(
        @"^(?:(?<pounds>£?\s*\d{1,3}(?:,\d{3})+(?:\.\d+)?|£?\s*\d+(?:\.\d+)?)|(?<pence>\d+)\s?p)\s*(?<unit>(?:(?:per|a|an|each)\b|pp\b|/).*)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PriceAndUnit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
