using AssetMap.Import.Importing;

namespace AssetMap.Import.Geodata;

/// <summary>The kinds of postcode directory file the importer understands.</summary>
internal enum PostcodeFileFormat
{
    /// <summary>ONS Postcode Directory: a CSV with a header row and WGS84 <c>lat</c>/<c>long</c> columns.</summary>
    Onspd,

    /// <summary>OS Code-Point Open: headerless CSVs of postcode, quality, easting, northing, … (EPSG:27700).</summary>
    CodePointOpen,
}

/// <summary>One usable row of a postcode directory: a normalised postcode and its WGS84 position.</summary>
internal readonly record struct PostcodeRow(string Postcode, double Longitude, double Latitude);

/// <summary>What a postcode import did; rows read = rows staged + rows skipped.</summary>
internal sealed record PostcodeImportResult(
    string File,
    PostcodeFileFormat Format,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Duplicates,
    long Skipped,
    IReadOnlyDictionary<string, long> SkippedByReason,
    IReadOnlyList<ImportProblem> SkippedExamples)
{
    /// <summary>Distinct postcodes the file placed: inserted + updated + unchanged.</summary>
    public long Imported => Inserted + Updated + Unchanged;
}

/// <summary>Why rows are skipped: the keys of <see cref="PostcodeImportResult.SkippedByReason"/>.</summary>
internal static class SkipReasons
{
    public const string InvalidPostcode = "invalid postcode";
    public const string NoCoordinates = "no coordinates";
    public const string BadCoordinates = "bad coordinates";
    public const string TooFewFields = "too few fields";
}
