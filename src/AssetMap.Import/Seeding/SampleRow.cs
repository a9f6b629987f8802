using System.Globalization;
using AssetMap.Domain;

namespace AssetMap.Import.Seeding;

/// <summary>One CSV row, read by column name, turning every bad value into an error naming file, row and column.</summary>
internal sealed class SampleRow(string file, int row, IReadOnlyDictionary<string, string> values)
{
    private static readonly string[] UkDateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    public string File { get; } = file;

    public int Row { get; } = row;

    /// <summary>The first of <paramref name="columns"/> the file has, trimmed; null when blank.</summary>
    public string? Optional(params string[] columns)
    {
        foreach (var column in columns)
        {
            if (values.TryGetValue(column, out var value))
            {
                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            }
        }

        throw Error(columns[0], "the column is missing from the file");
    }

    public string Required(params string[] columns) =>
        Optional(columns) ?? throw Error(columns[0], "a value is required");

    public IReadOnlyList<string> List(string column) =>
        Optional(column)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public bool YesNo(string column) => Optional(column)?.ToUpperInvariant() switch
    {
        null or "NO" or "N" or "FALSE" => false,
        "YES" or "Y" or "TRUE" => true,
        var other => throw Error(column, $"'{other}' is not Yes or No"),
    };

    public DateOnly? Date(string column) => Optional(column) is not { } text ? null
        : DateOnly.TryParseExact(text, UkDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw Error(column, $"'{text}' is not a date (dd/mm/yyyy)");

    public double? Number(string column) => Optional(column) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
        : throw Error(column, $"'{text}' is not a number");

    /// <summary>Runs a domain parser on the column, reporting its rule message against this row and column.</summary>
    public T Parse<T>(string column, Func<string, T> parse)
    {
        var text = Required(column);
        try
        {
            return parse(text);
        }
        catch (DomainRuleException e)
        {
            throw Error(column, e.Message);
        }
    }

    public SampleDataException Error(string column, string reason) => new(File, Row, column, reason);
}
