using System.Text;
using Sylvan.Data.Csv;

namespace AssetMap.Import.Readers;

/// <summary>
/// Reads a CVS spreadsheet saved as CSV: UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on a UK
/// Windows PC), comma-, semicolon- or tab-separated. Sylvan does the quoting (doubled quotes, embedded newlines);
/// this class turns its records back into the line numbers a text editor or spreadsheet shows.
/// </summary>
internal static class CsvTableReader
{
    private static readonly char[] Delimiters = [',', ';', '\t'];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = LoadWindows1252();

    public static ImportTable Read(string path, ColumnMapping? mapping)
    {
        var file = Path.GetFileName(path);
        var text = Decode(File.ReadAllBytes(path));

        // The delimiter is the one under which the header region yields the best header: counting separators
        // is fooled by unquoted lists like "Lunch clubs;Social groups" in a comma file.
        var delimiter = Delimiters
            .Select(d => (Delimiter: d, Score: HeaderScore([.. Parse(text, d, TableBuilder.HeaderSearchRows, null)], mapping)))
            .MaxBy(c => c.Score).Delimiter;

        var table = TableBuilder.Build(file, null, Parse(text, delimiter, int.MaxValue, file), mapping);
        return table.Problem is null ? table : throw new SpreadsheetException($"{file}: {table.Problem}");
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252.</summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var content = bytes.AsSpan();
        if (content.StartsWith(bom))
        {
            content = content[bom.Length..];
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(content);
        }
    }

    private static int HeaderScore(IReadOnlyList<RawRow> rows, ColumnMapping? mapping) =>
        TableBuilder.FindHeader(rows, mapping) is { } header ? TableBuilder.CountMatches(header, mapping) : 0;

    // Records up to (and including the one starting on) line maxLine, each numbered by its first physical line.
    // Malformed quoting is an error naming the line; while trying delimiters (file null) it just ends the sample,
    // since a wrong delimiter can make good quoting look bad.
    // Lazy: the table builder turns each record into a row as it is read, so the file is never held twice over.
    private static IEnumerable<RawRow> Parse(string text, char delimiter, int maxLine, string? file)
    {
        var options = new CsvDataReaderOptions { HasHeaders = false, Delimiter = delimiter };
        using var csv = CsvDataReader.Create(new StringReader(text), options);
        var line = 1;
        while (line <= maxLine && TryRead(csv, line, file))
        {
            var cells = new object?[csv.RowFieldCount];
            var breaks = 0;
            for (var i = 0; i < cells.Length; i++)
            {
                var value = csv.GetString(i);
                breaks += CountLineBreaks(value);
                cells[i] = value;
            }

            yield return new RawRow(line, cells);
            line += 1 + breaks;
        }
    }

    private static bool TryRead(CsvDataReader csv, int line, string? file)
    {
        try
        {
            return csv.Read();
        }
        catch (FormatException) when (file is null)
        {
            return false;
        }
        catch (FormatException e)
        {
            throw new SpreadsheetException(
                $"{file}: the record starting on line {line} is not valid CSV ({e.Message}) — check its quotes.", e);
        }
    }

    private static int CountLineBreaks(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 == value.Length || value[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
