using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AssetMap.Import.Readers;

/// <summary>
/// Reads .xlsx workbooks with the Open XML SDK (DocumentFormat.OpenXml). Chosen over the alternatives on our feed:
/// it is Microsoft's, current (3.x) and also writes the test fixtures; it shows exactly what the officer sees
/// (row numbers from each row's <c>r</c> attribute, the cached result of a formula, the cell style that makes a
/// number a date) where ExcelDataReader here is 3.6.0 from 2019 and MiniExcel returns dynamic rows with its own
/// type guessing. Merged cells need nothing: Excel keeps the value in the top-left cell and leaves the rest empty.
/// </summary>
internal static class XlsxTableReader
{
    /// <summary>
    /// One table per sheet. With <paramref name="sheet"/> only that sheet, which must have a header; without it
    /// every sheet, where one without a header comes back with <see cref="ImportTable.Problem"/> set (an error only
    /// when no sheet has a header).
    /// </summary>
    public static IReadOnlyList<ImportTable> Read(string path, string? sheet, ColumnMapping? mapping)
    {
        var file = Path.GetFileName(path);
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart
            ?? throw new SpreadsheetException($"{file} is not an Excel workbook (it has no workbook part).");
        var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var cells = new XlsxCellReader(workbookPart);

        if (sheet is not null)
        {
            var chosen = sheets.Find(s => string.Equals(s.Name?.Value?.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new SpreadsheetException($"{file} has no sheet called \"{sheet}\". Its sheets are: "
                    + string.Join(", ", sheets.Select(s => $"\"{s.Name?.Value}\"")) + ".");
            var table = ReadSheet(file, workbookPart, chosen, cells, mapping);
            return table.Problem is null
                ? [table]
                : throw new SpreadsheetException($"{file}, sheet \"{table.Sheet}\": {table.Problem}");
        }

        var tables = sheets.Select(s => ReadSheet(file, workbookPart, s, cells, mapping)).ToList();
        if (tables.Count == 0)
        {
            throw new SpreadsheetException($"{file} has no sheets.");
        }

        if (tables.TrueForAll(t => t.Problem is not null))
        {
            throw new SpreadsheetException($"{file}: no sheet has a header row. "
                + string.Join(" ", tables.Select(t => $"Sheet \"{t.Sheet}\": {t.Problem}")));
        }

        return tables;
    }

    private static ImportTable ReadSheet(
        string file, WorkbookPart workbookPart, Sheet sheet, XlsxCellReader cells, ColumnMapping? mapping)
    {
        var name = sheet.Name?.Value ?? "";
        if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
        {
            return new ImportTable(file, name, 0, [], [], "not a worksheet (a chart or dialog sheet).");
        }

        var rows = new List<RawRow>();
        var previousRow = 0;
        foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            var rowNumber = (int?)row.RowIndex?.Value ?? previousRow + 1;
            previousRow = rowNumber;
            var values = new List<object?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : values.Count;
                while (values.Count <= column)
                {
                    values.Add(null);
                }

                values[column] = cells.Value(cell);
            }

            rows.Add(new RawRow(rowNumber, values));
        }

        return TableBuilder.Build(file, name, rows, mapping);
    }

    // "AB12" → 27 (0-based).
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}

/// <summary>Turns a cell into the value Excel displays the type of: text, number, date, boolean or null.</summary>
internal sealed class XlsxCellReader
{
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;

    public XlsxCellReader(WorkbookPart workbookPart)
    {
        _sharedStrings = [.. workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
            .Select(SharedText) ?? []];
        _dateStyles = XlsxDateFormats.DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
        _date1904 = workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
    }

    public object? Value(Cell cell)
    {
        // Formula cells carry the result Excel last calculated in the same <v> element: that is what we read.
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                && i < _sharedStrings.Length ? _sharedStrings[i] : raw;
        }

        if (type == CellValues.Boolean)
        {
            return raw is "1" or "true";
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : raw;
        }

        if (type == CellValues.String || type == CellValues.Error
            || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        var style = (int)(cell.StyleIndex?.Value ?? 0);
        return style < _dateStyles.Length && _dateStyles[style] ? ToDateTime(number) : number;
    }

    private DateTime ToDateTime(double serial)
    {
        var value = DateTime.FromOADate(serial);
        return _date1904 ? value.AddDays(1462) : value;
    }

    // Rich text keeps its runs' text; phonetic guides (rPh) are not part of what the cell shows.
    private static string SharedText(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
}
