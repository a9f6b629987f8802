namespace AssetMap.Api.Features.Directory;

/// <summary>Settings of the public web directory (section <c>Directory</c>).</summary>
internal sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// Map tiles, from <c>Map:TileUrl</c> (the setting the Content-Security-Policy reads too); OpenStreetMap by default.
    /// Without tiles the map still shows markers and boundaries.
    /// </summary>
    public string TileUrl { get; set; } = Infrastructure.SecurityHeaders.DefaultTileUrl;

    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";
}
