using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetMap.Import.Parsing;

/// <summary>
/// Reads spreadsheet cells (<c>string</c>, <c>double</c>, <c>DateTime</c>, <c>bool</c> or null) into values.
/// Every parser treats a blank cell as a success with no value: whether a column is required is the importer's call.
/// Split by kind of value: dates, prices and contact details live in the other <c>CellParse.*.cs</c> files.
/// </summary>
internal static partial class CellParse
{
    private static readonly string[] YesWords = ["y", "yes", "true", "✓", "✔", "x", "1"];
    private static readonly string[] NoWords = ["n", "no", "false", "✗", "✘", "0", "none"];

    /// <summary>Trimmed text, or null when blank. Numbers never come out in exponent form ("1.632E+10").</summary>
    public static Parsed<string?> Text(object? cell) => Parsed.Success(AsText(cell));

    /// <summary>Y/yes/true/✓/x/1 (or "yes - details") and N/no/false/✗/0/none, any case; blank is null.</summary>
    public static Parsed<bool?> YesNo(object? cell)
    {
        switch (cell)
        {
            case bool flag:
                return Parsed.Success<bool?>(flag);
            case double number when number is 0 or 1:
                return Parsed.Success<bool?>(number == 1);
        }

        var text = AsText(cell)?.ToLowerInvariant();
        if (text is null)
        {
            return Parsed.Success<bool?>(null);
        }

        if (YesWords.Contains(text) || HasAnswerPrefix(text, "yes"))
        {
            return Parsed.Success<bool?>(true);
        }

        if (NoWords.Contains(text) || HasAnswerPrefix(text, "no"))
        {
            return Parsed.Success<bool?>(false);
        }

        return Parsed.Fail<bool?>(
            $"'{AsText(cell)}' is not yes or no: write Y, Yes, True, ✓, X or 1 for yes; N, No, False, ✗, 0 or None for no; or leave it blank.");
    }

    /// <summary>A number written with digits only ("12", "1,234", "-3.5"); "12 people" fails.</summary>
    public static Parsed<double?> Number(object? cell)
    {
        switch (cell)
        {
            case double number when double.IsFinite(number):
                return Parsed.Success<double?>(number);
            case DateTime:
                return Parsed.Fail<double?>("The cell is a date, not a number.");
            case bool:
                return Parsed.Fail<double?>("The cell is a yes/no tick box, not a number.");
        }

        var text = AsText(cell);
        if (text is null)
        {
            return Parsed.Success<double?>(null);
        }

        // The grouping check stops "1,5" (a European 1.5) silently becoming 15.
        if (!PlainNumber().IsMatch(text)
            || !double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed.Fail<double?>(
                $"'{text}' is not a number: write digits only, like 12, 1,234 or 2.5 (with a full stop for decimals), and put any words in the description.");
        }

        return Parsed.Success<double?>(value);
    }

    /// <summary>A whole number, read like <see cref="Number"/>; "2.5" fails.</summary>
    public static Parsed<int?> Integer(object? cell)
    {
        var number = Number(cell);
        if (!number.Ok)
        {
            return Parsed.Fail<int?>(number.Reason!);
        }

        if (number.Value is null)
        {
            return Parsed.Success<int?>(null);
        }

        var value = number.Value.Value;
        if (value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue)
        {
            return Parsed.Fail<int?>($"'{AsText(cell)}' is not a whole number: write it without decimals, like 12.");
        }

        return Parsed.Success<int?>((int)value);
    }

    // Shared by every parser: the cell as the officer sees it, trimmed, or null when blank.
    private static string? AsText(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => s,
            double d => FormatNumber(d),
            DateTime dt => dt.TimeOfDay == TimeSpan.Zero
                ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    // Whole numbers (postcodes, phone numbers, counts) without decimals or exponent; others round-trip exactly.
    private static string FormatNumber(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString("0.###############", CultureInfo.InvariantCulture);

    // "yes - ramp at the back", "no, but nearby": an answer followed by details.
    private static bool HasAnswerPrefix(string text, string answer) =>
        text.Length > answer.Length
        && text.StartsWith(answer, StringComparison.Ordinal)
        && !char.IsLetterOrDigit(text[answer.Length]);

    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
