using DocumentFormat.OpenXml.Packaging;

namespace AssetMap.Import.Readers;

/// <summary>
/// The importer's entry to the reading layer: picks the reader by extension and makes every failure a
/// <see cref="SpreadsheetException"/> naming the file, so the command reports it instead of crashing.
/// </summary>
internal static class SpreadsheetReader
{
    /// <summary>The extensions <see cref="Read"/> accepts.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".xlsx"];

    /// <summary>
    /// Reads <paramref name="path"/> into one table (CSV) or one per sheet (.xlsx; only <paramref name="sheet"/> when
    /// given). <paramref name="mapping"/> overrides how headers map to fields.
    /// </summary>
    public static IReadOnlyList<ImportTable> Read(string path, string? sheet, ColumnMapping? mapping)
    {
        var file = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new SpreadsheetException(
                $"{file}: cannot read \"{Path.GetExtension(path)}\" files; save it as {string.Join(" or ", Extensions)}."
                + (extension is ".xls" or ".ods" ? " (In Excel or LibreOffice: File › Save As › Excel Workbook.)" : ""));
        }

        if (!File.Exists(path))
        {
            throw new SpreadsheetException($"{file}: file not found ({Path.GetFullPath(path)}).");
        }

        try
        {
            return extension == ".csv" ? [CsvTableReader.Read(path, mapping)] : XlsxTableReader.Read(path, sheet, mapping);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpreadsheetException($"{file}: cannot be read: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FormatException
            or System.Xml.XmlException)
        {
            // A corrupt zip (InvalidDataException), a zip that is not a workbook, or a damaged part. (The CSV reader
            // reports bad quoting itself, with the line.)
            throw new SpreadsheetException($"{file}: is not a readable Excel workbook ({e.Message}).", e);
        }
    }
}
