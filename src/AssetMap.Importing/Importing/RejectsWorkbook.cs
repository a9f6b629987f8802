using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AssetMap.Import.Importing;

/// <summary>The rejects file for a workbook: a sheet per original sheet, numbers as numbers, everything else as text.</summary>
internal static class RejectsWorkbook
{
    public sealed record SheetRows(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static void Write(string path, IReadOnlyList<SheetRows> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var data = new SheetData();
            data.Append(Row(1, sheet.Headers));
            uint number = 2;
            foreach (var row in sheet.Rows)
            {
                data.Append(Row(number++, row));
            }

            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(data);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }

        workbook.Workbook.Save();
    }

    private static Row Row(uint number, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = number };
        foreach (var value in values)
        {
            row.Append(value switch
            {
                null => new Cell(),
                double n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(RejectsWriter.Text(value))) },
            });
        }

        return row;
    }
}
