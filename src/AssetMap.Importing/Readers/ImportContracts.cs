namespace AssetMap.Import.Readers;

/// <summary>
/// One table read from a CSV file or one sheet of a workbook. <paramref name="HeaderRow"/> and every
/// <see cref="ImportRow.RowNumber"/> are the 1-based row numbers the officer sees in Excel or LibreOffice.
/// A sheet that has no recognisable header (while other sheets do) comes back with <paramref name="Problem"/> set,
/// <paramref name="HeaderRow"/> 0 and no columns or rows, so the report can say why it was skipped.
/// </summary>
internal sealed record ImportTable(
    string File,
    string? Sheet,
    int HeaderRow,
    IReadOnlyList<ImportColumn> Columns,
    IReadOnlyList<ImportRow> Rows,
    string? Problem = null)
{
    /// <summary>Columns whose header matched no canonical field (duplicates not included).</summary>
    public IEnumerable<ImportColumn> Unrecognised => Columns.Where(c => c.Field is null && c.DuplicateOf is null);

    /// <summary>Columns ignored because an earlier column already supplies their field.</summary>
    public IEnumerable<ImportColumn> Duplicates => Columns.Where(c => c.DuplicateOf is not null);
}

/// <summary>
/// A non-blank header cell. <paramref name="Index"/> is 0-based (column A is 0). <paramref name="Field"/> is the
/// canonical field whose values the rows carry, or null when the column is not used: then
/// <paramref name="DuplicateOf"/> names the field when an earlier column already matched it.
/// </summary>
internal sealed record ImportColumn(int Index, string Header, string? Field, string? DuplicateOf = null);

/// <summary>
/// A non-blank data row: one value per used column, keyed by canonical field. Values are <see cref="string"/>
/// (CSV and text cells, trimmed), <see cref="double"/> (numbers), <see cref="DateTime"/> (date- or time-formatted
/// cells), <see cref="bool"/>, or null for an empty cell.
/// </summary>
internal sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, object?> Values);
