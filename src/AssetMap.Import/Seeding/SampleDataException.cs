namespace AssetMap.Import.Seeding;

/// <summary>The sample data has a value that cannot be used; the message names file, row and column.</summary>
public sealed class SampleDataException(string file, int row, string column, string reason)
    : Exception($"{file} row {row}, column '{column}': {reason}")
{
    /// <summary>File name.</summary>
    public string File { get; } = file;

    /// <summary>1-based row number, the header being row 1.</summary>
    public int Row { get; } = row;

    /// <summary>Column name.</summary>
    public string Column { get; } = column;
}
