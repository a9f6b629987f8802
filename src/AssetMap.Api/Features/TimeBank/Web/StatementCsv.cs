using System.Globalization;
using System.Text;
using AssetMap.Api.Features.TimeBank.Ledger;

namespace AssetMap.Api.Features.TimeBank.Web;

/// <summary>
/// A statement as CSV (RFC 4180) for the broker's spreadsheet: an opening row, one row per entry with its running
/// balance, a closing row. Text a spreadsheet would run as a formula (starting = + - @) is prefixed with an apostrophe.
/// </summary>
internal static class StatementCsv
{
    public static string Write(Statement s, IReadOnlyDictionary<string, string> categoryNames)
    {
        var csv = new StringBuilder();
        Row(csv, "Date", "Exchange", "With", "Category", "Description", "Hours", "Balance", "Note");
        Row(csv, Date(s.From), "", "", "", "Opening balance", "", s.Opening.ToString(), "");
        foreach (var line in s.Lines)
        {
            var note = line.Reverses is { } r ? $"Reversal of {r}" : line.ReversedBy is { } by ? $"Reversed by {by}" : "";
            Row(csv, Date(line.PostedOn), line.ExchangeId.ToString(), line.CounterpartyName,
                line.CategorySlug is { } slug ? categoryNames.GetValueOrDefault(slug, slug) : "", line.Description ?? "",
                line.Amount.ToString(), line.Balance.ToString(), note);
        }

        Row(csv, Date(s.To), "", "", "", "Closing balance", "", s.Closing.ToString(), "");
        return csv.ToString();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        // Hours are numbers ("-1.5") and stay numbers; only free text is guarded against formula injection.
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
