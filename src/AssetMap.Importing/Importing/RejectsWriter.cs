using System.Globalization;
using System.Text;

namespace AssetMap.Import.Importing;

/// <summary>
/// Writes rejected rows in the format they came in (CSV or XLSX) with the file's own headers plus Sheet, Row and
/// Problems columns, so the officer can fix them and import that file again: nothing is lost.
/// </summary>
internal static class RejectsWriter
{
    public static void Write(string path, IReadOnlyList<RowContext> rejected)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // One sheet per original sheet, named as it was, so the kind read from the sheet name still applies.
            RejectsWorkbook.Write(path, [.. rejected.GroupBy(r => r.Table).Select(sheet =>
            {
                var used = Columns(sheet);
                return new RejectsWorkbook.SheetRows(
                    sheet.Key.Sheet ?? "Rejected rows",
                    [.. used.Select(c => c.Header), "Row", "Problems"],
                    [.. sheet.Select(row => (IReadOnlyList<object?>)[.. used.Select(c => row.Raw(c.Field)), (double)row.Row.RowNumber, Problems(row)])]);
            })]);
            return;
        }

        var columns = Columns(rejected);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", columns.Select(c => Quote(c.Header)).Append("Sheet").Append("Row").Append("Problems")));
        foreach (var row in rejected)
        {
            var cells = columns.Select(c => Quote(Text(row.Raw(c.Field))))
                .Append(Quote(row.Table.Sheet ?? ""))
                .Append(row.Row.RowNumber.ToString(CultureInfo.InvariantCulture))
                .Append(Quote(Problems(row)));
            csv.AppendLine(string.Join(",", cells));
        }

        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static List<(string Field, string Header)> Columns(IEnumerable<RowContext> rows) =>
        [.. rows.SelectMany(r => r.Table.Columns).Where(c => c.Field is not null)
            .GroupBy(c => c.Field!).Select(g => (Field: g.Key, Header: g.First().Header))];

    private static string Problems(RowContext row) => string.Join(" ", row.Problems.Select(p => $"{p.Column}: {p.Reason}"));

    public static string Text(object? value) => value switch
    {
        null => "",
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime date when date.Date == new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified) => date.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "Yes" : "No",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
