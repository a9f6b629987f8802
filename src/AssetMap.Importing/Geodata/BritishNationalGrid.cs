using System.Globalization;
using AssetMap.Domain.Spatial;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace AssetMap.Import.Geodata;

/// <summary>
/// British National Grid (EPSG:27700, OSGB36 / Airy 1830 / Transverse Mercator) eastings and northings to WGS84.
/// The datum shift is the 7-parameter Helmert transformation (EPSG "OSGB36 to WGS 84 (6)"), good to about 2–4 m
/// across Great Britain: plenty for a postcode centroid, and it needs no OSTN15 grid file.
/// </summary>
internal static class BritishNationalGrid
{
    /// <summary>Largest easting of the grid, in metres.</summary>
    public const double MaxEasting = 700_000;

    /// <summary>Largest northing of the grid, in metres.</summary>
    public const double MaxNorthing = 1_300_000;

    /// <summary>EPSG:27700 as WKT, TOWGS84 included: the one definition of the grid.</summary>
    internal const string Epsg27700Wkt =
        """
        PROJCS["OSGB 1936 / British National Grid",
          GEOGCS["OSGB 1936",
            DATUM["OSGB_1936",
              SPHEROID["Airy 1830",6377563.396,299.3249646,AUTHORITY["EPSG","7001"]],
              TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489],
              AUTHORITY["EPSG","6277"]],
            PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],
            UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],
            AUTHORITY["EPSG","4277"]],
          PROJECTION["Transverse_Mercator"],
          PARAMETER["latitude_of_origin",49],
          PARAMETER["central_meridian",-2],
          PARAMETER["scale_factor",0.9996012717],
          PARAMETER["false_easting",400000],
          PARAMETER["false_northing",-100000],
          UNIT["metre",1,AUTHORITY["EPSG","9001"]],
          AXIS["Easting",EAST],
          AXIS["Northing",NORTH],
          AUTHORITY["EPSG","27700"]]
        """;

    // ProjNET makes no thread-safety promise for its math transforms, so every use takes this lock. Built once:
    // parsing the WKT and composing the transformation costs far more than a point.
    private static readonly Lock Gate = new();

    private static readonly MathTransform GridToWgs84 = new CoordinateTransformationFactory().CreateFromCoordinateSystems(
        new CoordinateSystemFactory().CreateFromWkt(Epsg27700Wkt), GeographicCoordinateSystem.WGS84).MathTransform;

    /// <summary>Whether the easting/northing lie on the grid (0..700 000, 0..1 300 000 m).</summary>
    public static bool IsOnGrid(double easting, double northing) =>
        easting is >= 0 and <= MaxEasting && northing is >= 0 and <= MaxNorthing;

    /// <summary>The WGS84 point (SRID 4326) of a grid reference; throws when it is off the grid.</summary>
    public static Point ToWgs84(double easting, double northing)
    {
        EnsureOnGrid(easting, northing);
        double longitude, latitude;
        lock (Gate)
        {
            (longitude, latitude) = GridToWgs84.Transform(easting, northing);
        }

        return Geo.Point(longitude, latitude);
    }

    private static void EnsureOnGrid(double easting, double northing)
    {
        if (!IsOnGrid(easting, northing))
        {
            throw new ArgumentOutOfRangeException(
                nameof(easting),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Easting {easting}, northing {northing} is off the British National Grid (eastings 0..{MaxEasting:0}, northings 0..{MaxNorthing:0} metres)."));
        }
    }
}
