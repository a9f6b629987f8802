using System.Collections.Frozen;
using System.Globalization;

namespace AssetMap.Import.Readers;

/// <summary>A row as the file holds it: its 1-based row number and its cells by 0-based column.</summary>
internal sealed record RawRow(int RowNumber, IReadOnlyList<object?> Cells);

/// <summary>
/// Shared by both formats: finds the header row, matches its cells to fields, and turns the rows below it into
/// <see cref="ImportRow"/>s (blank rows dropped, text trimmed, empty text as null).
/// </summary>
internal static class TableBuilder
{
    /// <summary>How far down a sheet the header may sit (title rows, notes and blank rows above it).</summary>
    public const int HeaderSearchRows = 30;

    /// <summary>Reads <paramref name="rows"/> once, in order: only the rows where the header may be are buffered.</summary>
    public static ImportTable Build(string file, string? sheet, IEnumerable<RawRow> rows, ColumnMapping? mapping)
    {
        using var reader = rows.GetEnumerator();
        var head = new List<RawRow>();
        RawRow? firstBelow = null;
        while (reader.MoveNext())
        {
            if (reader.Current.RowNumber > HeaderSearchRows)
            {
                firstBelow = reader.Current;
                break;
            }

            head.Add(reader.Current);
        }

        var header = FindHeader(head, mapping);
        if (header is null)
        {
            return new ImportTable(file, sheet, 0, [], [], NoHeaderMessage());
        }

        var columns = MatchColumns(header, mapping);
        var used = columns.Where(c => c.Field is not null).ToArray();
        var slots = used.Select((c, i) => (c.Field!, i)).ToFrozenDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        var result = new List<ImportRow>();
        foreach (var row in Remaining(head, firstBelow, reader).Where(r => r.RowNumber > header.RowNumber && !IsBlank(r)))
        {
            var values = new object?[used.Length];
            for (var i = 0; i < used.Length; i++)
            {
                values[i] = Clean(used[i].Index < row.Cells.Count ? row.Cells[used[i].Index] : null);
            }

            result.Add(new ImportRow(row.RowNumber, new RowValues(slots, values)));
        }

        return new ImportTable(file, sheet, header.RowNumber, columns, result);
    }

    /// <summary>How many distinct fields a row's cells match: used to choose between CSV delimiters too.</summary>
    public static int CountMatches(RawRow row, ColumnMapping? mapping) =>
        row.Cells.Select(c => ColumnMap.FieldFor(HeaderText(c), mapping)).OfType<string>().Distinct().Count();

    // The first row (of the first 30) with two known headers one of which is the name (or the organisation); failing
    // that the row with most matches (at least two), the earliest on a tie.
    public static RawRow? FindHeader(IReadOnlyList<RawRow> rows, ColumnMapping? mapping)
    {
        RawRow? best = null;
        var bestCount = 1;
        foreach (var row in rows.TakeWhile(r => r.RowNumber <= HeaderSearchRows))
        {
            var fields = row.Cells.Select(c => ColumnMap.FieldFor(HeaderText(c), mapping)).OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            if (fields.Count >= 2 && (fields.Contains("name") || fields.Contains("organisation")))
            {
                return row;
            }

            if (fields.Count > bestCount)
            {
                (best, bestCount) = (row, fields.Count);
            }
        }

        return best;
    }

    public static string NoHeaderMessage() =>
        $"no header row found in the first {HeaderSearchRows} rows: looked for a row with at least two known column "
        + "headers, one of them a name column (" + string.Join(", ", ColumnMap.Synonyms["name"].Concat(ColumnMap.Synonyms["organisation"]).Select(s => $"\"{s}\""))
        + "). Known fields: " + string.Join(", ", ColumnMap.Fields)
        + ". A --mapping file can name headers the importer does not know.";

    private static List<ImportColumn> MatchColumns(RawRow header, ColumnMapping? mapping)
    {
        var columns = new List<ImportColumn>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = HeaderText(header.Cells[i]).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var field = ColumnMap.FieldFor(text, mapping);
            columns.Add(field is null || seen.Add(field)
                ? new ImportColumn(i, text, field)
                : new ImportColumn(i, text, null, DuplicateOf: field));
        }

        return columns;
    }

    private static IEnumerable<RawRow> Remaining(List<RawRow> head, RawRow? firstBelow, IEnumerator<RawRow> reader)
    {
        foreach (var row in head)
        {
            yield return row;
        }

        if (firstBelow is null)
        {
            yield break;
        }

        yield return firstBelow;
        while (reader.MoveNext())
        {
            yield return reader.Current;
        }
    }

    private static string HeaderText(object? cell) => cell switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static object? Clean(object? cell) => cell is string s ? (string.IsNullOrWhiteSpace(s) ? null : s.Trim()) : cell;

    private static bool IsBlank(RawRow row) => row.Cells.All(c => Clean(c) is null);
}
