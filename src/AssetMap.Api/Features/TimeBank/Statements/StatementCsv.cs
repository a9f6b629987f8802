using System.Globalization;
using System.Text;

namespace AssetMap.Api.Features.TimeBank.Statements;

/// <summary>
/// A statement as CSV (RFC 4180) for a spreadsheet. Text that a spreadsheet would run as a formula (a cell starting
/// with = + - @, tab or carriage return) is prefixed with an apostrophe, so a description like
/// <c>=HYPERLINK(…)</c> stays text (OWASP "CSV injection"). Hours and balances are numbers this code writes, so they
/// stay numbers (−1.5 is not a formula).
/// </summary>
internal static class StatementCsv
{
    public const string MediaType = "text/csv";

    private static readonly string[] Header = ["Date", "Exchange", "Counterparty ref", "Counterparty", "Category", "Description", "Hours", "Balance", "Reversal of", "Reversed by"];

    public static string Write(StatementResponse statement)
    {
        var csv = new StringBuilder();
        Row(csv, [Text("Statement for"), Text($"{statement.Member.MemberRef} {statement.Member.DisplayName}"), Day(statement.From), Day(statement.To)]);
        Row(csv, Header.Select(Text));
        Row(csv, [Day(statement.From), "", "", "", "", Text("Opening balance"), "", Number(statement.OpeningBalance), "", ""]);
        foreach (var e in statement.Entries)
        {
            Row(csv,
            [
                Day(e.Date), e.ExchangeId.ToString(), Text(e.Counterparty.MemberRef), Text(e.Counterparty.DisplayName), Text(e.Category),
                Text(e.Description), Number(e.Hours), Number(e.Balance), e.Reverses?.Id.ToString() ?? "", e.ReversedBy?.Id.ToString() ?? "",
            ]);
        }

        Row(csv, [Day(statement.To), "", "", "", "", Text("Closing balance"), "", Number(statement.ClosingBalance), "", ""]);
        return csv.ToString();
    }

    /// <summary>e.g. <c>statement-TB-001-2026-09-01-to-2026-12-01.csv</c>: only letters, digits and hyphens from the reference.</summary>
    public static string FileName(StatementResponse statement)
    {
        var safeRef = new string([.. statement.Member.MemberRef.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        return $"statement-{(safeRef.Length == 0 ? "member" : safeRef)}-{Day(statement.From)}-to-{Day(statement.To)}.csv";
    }

    /// <summary>Free text made safe: formula-looking cells neutralised, then quoted when needed.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells)).Append("\r\n");
}
