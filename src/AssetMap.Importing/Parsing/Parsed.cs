namespace AssetMap.Import.Parsing;

/// <summary>
/// The outcome of reading one cell: a value, or a reason a data officer can act on. Bad data is expected in
/// spreadsheets, so it is a return value, never an exception. A blank cell is a success with a default value.
/// </summary>
internal readonly record struct Parsed<T>(bool Ok, T? Value, string? Reason);

internal static class Parsed
{
    public static Parsed<T> Success<T>(T value) => new(true, value, null);

    public static Parsed<T> Fail<T>(string reason) => new(false, default, reason);
}
