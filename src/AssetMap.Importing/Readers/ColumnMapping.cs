using System.Text.Json;

namespace AssetMap.Import.Readers;

/// <summary>
/// Header → field overrides from a <c>--mapping</c> file: <c>{ "columns": { "Our Weird Header": "name" } }</c>.
/// Headers and field names are matched the way <see cref="ColumnMap"/> matches headers (case and punctuation
/// ignored); mapping a header to null makes the reader ignore that column.
/// </summary>
internal sealed class ColumnMapping
{
    public ColumnMapping(IReadOnlyDictionary<string, string?> columns)
    {
        var normalised = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (header, field) in columns)
        {
            string? canonical = null;
            if (field is not null)
            {
                canonical = ColumnMap.CanonicalField(field) ?? throw new SpreadsheetException(
                    $"The mapping for column \"{header}\" names an unknown field \"{field}\". Known fields: "
                    + string.Join(", ", ColumnMap.Fields) + ".");
            }

            normalised[ColumnMap.Normalise(header)] = canonical;
        }

        Columns = normalised;
    }

    /// <summary>Normalised header → canonical field (null: ignore the column).</summary>
    public IReadOnlyDictionary<string, string?> Columns { get; }

    /// <summary>Reads a mapping file; any problem with it is a <see cref="SpreadsheetException"/> naming the file.</summary>
    public static ColumnMapping Load(string path)
    {
        var name = Path.GetFileName(path);
        MappingFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<MappingFile>(stream, JsonOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpreadsheetException($"Cannot read the mapping file {name}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new SpreadsheetException($"The mapping file {name} is not valid JSON: {e.Message}", e);
        }

        if (file?.Columns is null)
        {
            throw new SpreadsheetException(
                $"The mapping file {name} has no \"columns\" object, e.g. {{ \"columns\": {{ \"Zip\": \"postcode\" }} }}.");
        }

        try
        {
            return new ColumnMapping(file.Columns);
        }
        catch (SpreadsheetException e)
        {
            throw new SpreadsheetException($"In the mapping file {name}: {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record MappingFile(Dictionary<string, string?>? Columns);
}
