using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AssetMap.Import.Tests.Fixtures;

/// <summary>A formula with the result Excel would have cached for it.</summary>
public sealed record Formula(string Expression, double CachedResult);

/// <summary>A number shown with a style of <see cref="XlsxWriter"/> (e.g. a currency or a time).</summary>
public sealed record Styled(double Value, uint Style);

/// <summary>One sheet: rows by 1-based row number (missing numbers are blank rows) and merged ranges.</summary>
public sealed record SheetSpec(string Name, IReadOnlyDictionary<int, object?[]> Rows, IReadOnlyList<string> Merged);

/// <summary>
/// Writes .xlsx fixtures through the Open XML SDK the way Excel lays them out: shared strings, dates as day numbers
/// with a date style, formulas with a cached value, merged ranges. Cells: string, double, int, bool, DateTime
/// (date style), <see cref="Formula"/>, <see cref="Styled"/>, null (no cell).
/// </summary>
public static class XlsxWriter
{
    public const uint DateStyle = 1;        // built-in format 14 (short date)
    public const uint UkDateStyle = 2;      // custom dd/mm/yyyy
    public const uint TimeStyle = 3;        // custom h:mm
    public const uint PoundsStyle = 4;      // custom "£"#,##0.00 — a number, not a date

    public static void Write(string path, IReadOnlyList<SheetSpec> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetList = new Sheets();
        workbookPart.Workbook = new Workbook(sheetList);
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = CreateStylesheet();
        var strings = new List<string>();

        uint sheetId = 1;
        foreach (var spec in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            foreach (var (number, cells) in spec.Rows.OrderBy(r => r.Key))
            {
                var row = new Row { RowIndex = (uint)number };
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is { } value)
                    {
                        row.Append(CreateCell($"{ColumnName(i)}{number}", value, strings));
                    }
                }

                sheetData.Append(row);
            }

            worksheetPart.Worksheet = new Worksheet(sheetData);
            if (spec.Merged.Count > 0)
            {
                worksheetPart.Worksheet.Append(new MergeCells(spec.Merged.Select(m => new MergeCell { Reference = m })));
            }

            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = spec.Name });
        }

        workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
            strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)strings.Count,
            UniqueCount = (uint)strings.Count,
        };
    }

    private static Cell CreateCell(string reference, object value, List<string> strings)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string text:
                var index = strings.IndexOf(text);
                if (index < 0)
                {
                    index = strings.Count;
                    strings.Add(text);
                }

                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index);
                break;
            case bool flag:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(flag ? "1" : "0");
                break;
            case DateTime date:
                cell.CellValue = new CellValue(date.ToOADate());
                cell.StyleIndex = DateStyle;
                break;
            case Formula formula:
                cell.CellFormula = new CellFormula(formula.Expression);
                cell.CellValue = new CellValue(formula.CachedResult);
                cell.StyleIndex = PoundsStyle;
                break;
            case Styled styled:
                cell.CellValue = new CellValue(styled.Value);
                cell.StyleIndex = styled.Style;
                break;
            case int number:
                cell.CellValue = new CellValue(number);
                break;
            case double number:
                cell.CellValue = new CellValue(number);
                break;
            default:
                throw new ArgumentException($"No cell type for {value.GetType()}", nameof(value));
        }

        return cell;
    }

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static Stylesheet CreateStylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "h:mm" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "\"£\"#,##0.00" })
        { Count = 3 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
