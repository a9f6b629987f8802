using System.Text.Json;
using AssetMap.Domain.Spatial;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace AssetMap.Import.Boundaries;

/// <summary>
/// The features of a boundary file as stored, with the CRS the file declares. <see cref="DeclaredSrid"/> is null when
/// the file says nothing; <see cref="Error"/> is set when the file cannot be used at all.
/// </summary>
internal sealed record BoundarySource(IReadOnlyList<IFeature> Features, int? DeclaredSrid, IReadOnlyList<string> Warnings, string? Error)
{
    public static BoundarySource Failed(string error) => new([], null, [], error);
}

/// <summary>Reads GeoJSON (with the legacy <c>crs</c> member) and ESRI Shapefiles (.shp + .dbf + .prj).</summary>
internal static class BoundarySources
{
    // Geometries are built by Geo.Factory (SRID 4326) even while their coordinates are still British National Grid:
    // BoundaryGeometry reprojects them before anything else looks at them.
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Geo.Factory) } };

    public static BoundarySource Read(string path)
    {
        if (!File.Exists(path))
        {
            return BoundarySource.Failed($"{path} does not exist");
        }

        try
        {
            return Path.GetExtension(path).ToUpperInvariant() switch
            {
                ".GEOJSON" or ".JSON" => ReadGeoJson(path),
                ".SHP" => ReadShapefile(path),
                _ => BoundarySource.Failed("expected a GeoJSON file (.geojson, .json) or an ESRI Shapefile (.shp)"),
            };
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException or InvalidOperationException
                                   or NotSupportedException or FormatException or IndexOutOfRangeException)
        {
            return BoundarySource.Failed($"the file could not be read: {e.Message}");
        }
    }

    private static BoundarySource ReadGeoJson(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string? crsName = null;
        using (var document = JsonDocument.Parse(bytes))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("crs", out var crs)
                && crs.ValueKind == JsonValueKind.Object)
            {
                crsName = crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                          && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    ? name.GetString()
                    : null;
                if (string.IsNullOrWhiteSpace(crsName))
                {
                    return BoundarySource.Failed("the crs member has no properties.name (only named CRSs are understood)");
                }
            }
        }

        var features = JsonSerializer.Deserialize<FeatureCollection>(bytes, GeoJson);
        if (features is null)
        {
            return BoundarySource.Failed("not a GeoJSON FeatureCollection");
        }

        if (crsName is null)
        {
            return new BoundarySource([.. features], null, [], null);
        }

        var srid = SridFromCrsName(crsName);
        return srid is null
            ? BoundarySource.Failed($"CRS '{crsName}' is not supported: use WGS84 (EPSG:4326) or British National Grid (EPSG:27700)")
            : new BoundarySource([.. features], srid, [], null);
    }

    private static BoundarySource ReadShapefile(string path)
    {
        var features = new List<IFeature>();
        using var reader = Shapefile.OpenRead(path, new ShapefileReaderOptions { Factory = Geo.Factory });
        while (reader.Read(out var deleted, out var feature))
        {
            if (!deleted)
            {
                features.Add(feature);
            }
        }

        var prj = reader.Projection;
        if (string.IsNullOrWhiteSpace(prj))
        {
            return new BoundarySource(features, null, [], null);
        }

        List<string> warnings = [];
        var srid = SridFromPrj(prj, warnings);
        return srid is null
            ? BoundarySource.Failed($"the .prj names a projection other than British National Grid (EPSG:27700) or WGS84: {Shorten(prj)}")
            : new BoundarySource(features, srid, warnings, null);
    }

    /// <summary>EPSG:27700 / urn:ogc:def:crs:EPSG::27700 / …/EPSG/0/27700, and the WGS84 spellings (incl. CRS84).</summary>
    internal static int? SridFromCrsName(string name)
    {
        var n = name.Trim();
        static bool EndsWithCode(string value, string code) =>
            value.EndsWith(":" + code, StringComparison.OrdinalIgnoreCase) || value.EndsWith("/" + code, StringComparison.OrdinalIgnoreCase);

        if (EndsWithCode(n, "27700"))
        {
            return BoundaryReprojection.BritishNationalGrid;
        }

        return EndsWithCode(n, "4326") || n.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase) ? Geo.Srid : null;
    }

    /// <summary>ESRI WKT: British National Grid by name; a geographic WGS84 (or ETRS89, under a metre away) CRS.</summary>
    internal static int? SridFromPrj(string wkt, List<string> warnings)
    {
        if (wkt.Contains("British_National_Grid", StringComparison.OrdinalIgnoreCase)
            || wkt.Contains("British National Grid", StringComparison.OrdinalIgnoreCase)
            || wkt.Contains("OSGB", StringComparison.OrdinalIgnoreCase))
        {
            return BoundaryReprojection.BritishNationalGrid;
        }

        if (!wkt.TrimStart().StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (wkt.Contains("WGS_1984", StringComparison.OrdinalIgnoreCase) || wkt.Contains("WGS 84", StringComparison.OrdinalIgnoreCase))
        {
            return Geo.Srid;
        }

        if (wkt.Contains("ETRS", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add("The .prj declares ETRS89; its coordinates were read as WGS84 (they differ by under a metre in Britain).");
            return Geo.Srid;
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
