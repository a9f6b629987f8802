namespace AssetMap.Import.Readers;

/// <summary>
/// A file (spreadsheet or mapping) that cannot be read as asked: the message names the file and says why, in
/// words an officer can act on. Library exceptions are wrapped, never let through.
/// </summary>
public sealed class SpreadsheetException : Exception
{
    public SpreadsheetException()
    {
    }

    public SpreadsheetException(string message)
        : base(message)
    {
    }

    public SpreadsheetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
