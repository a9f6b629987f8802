namespace AssetMap.Api.Features.Uploads;

/// <summary>The <c>Imports</c> section: spreadsheet uploads.</summary>
public sealed class ImportUploadOptions
{
    public const string Section = "Imports";

    /// <summary>Largest upload accepted, in bytes (default 20 MB); larger answers 413.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Where uploaded files and their rejects files are kept while their jobs are listed (default: a folder under the system temp path).</summary>
    public string? WorkDirectory { get; set; }
}
