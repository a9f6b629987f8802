using System.Globalization;
using AssetMap.Domain.Places;

namespace AssetMap.Import.Geodata;

/// <summary>
/// Where the postcode and its coordinates sit in a postcode directory CSV, worked out from the file's first line:
/// an ONSPD header (found by column name) or a first Code-Point Open data row.
/// </summary>
internal sealed record PostcodeLayout(PostcodeFileFormat Format, int PostcodeField, int LongitudeOrEastingField, int LatitudeOrNorthingField)
{
    // ONSPD renamed its columns in 2025 (pcd → pcd7, pcd2 → pcd8, …): accept every spelling, preferring pcds, the
    // one-space form. Postcode.TryParse normalises whichever is found.
    private static readonly string[] PostcodeHeaders = ["pcds", "pcd", "pcd7", "pcd8", "pcd2", "postcode"];
    private static readonly string[] LatitudeHeaders = ["lat", "latitude"];
    private static readonly string[] LongitudeHeaders = ["long", "lon", "lng", "longitude"];

    /// <summary>Code-Point Open columns: Postcode, Positional_quality_indicator, Eastings, Northings, …</summary>
    public static PostcodeLayout CodePointOpen { get; } = new(PostcodeFileFormat.CodePointOpen, 0, 2, 3);

    /// <summary>The number of fields a data row needs.</summary>
    public int MinimumFields => Math.Max(PostcodeField, Math.Max(LongitudeOrEastingField, LatitudeOrNorthingField)) + 1;

    /// <summary>Whether the first line is a header (ONSPD) rather than data (Code-Point Open).</summary>
    public bool HasHeader => Format == PostcodeFileFormat.Onspd;

    /// <summary>The layout the first line implies, or null when it is neither format.</summary>
    public static PostcodeLayout? Detect(IReadOnlyList<string> firstLine)
    {
        var names = firstLine.Select(f => f.Trim()).ToList();
        var postcode = IndexOfAny(names, PostcodeHeaders);
        var latitude = IndexOfAny(names, LatitudeHeaders);
        var longitude = IndexOfAny(names, LongitudeHeaders);
        if (postcode >= 0 && latitude >= 0 && longitude >= 0)
        {
            return new PostcodeLayout(PostcodeFileFormat.Onspd, postcode, longitude, latitude);
        }

        var looksLikeCodePoint = names.Count >= 4
            && Postcode.TryParse(names[0], out _, out _)
            && TryNumber(names[2], out _)
            && TryNumber(names[3], out _);
        return looksLikeCodePoint ? CodePointOpen : null;
    }

    /// <summary>Parses a coordinate written with a dot, whatever the machine's culture.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static int IndexOfAny(List<string> names, string[] wanted)
    {
        foreach (var name in wanted)
        {
            var index = names.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}
