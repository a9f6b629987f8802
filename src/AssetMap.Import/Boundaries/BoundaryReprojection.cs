using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace AssetMap.Import.Boundaries;

/// <summary>
/// British National Grid (EPSG:27700) → WGS84 with the OSGB36 Helmert parameters (TOWGS84, ≈ 2–4 m): plenty for PCN
/// boundaries, which are merged LSOAs. Kept here, small and private to boundary import, so it does not depend on
/// another importer's transform.
/// </summary>
internal static class BoundaryReprojection
{
    public const int BritishNationalGrid = 27700;

    private const string Epsg27700 =
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
          AUTHORITY["EPSG","27700"]]
        """;

    private static readonly MathTransform ToWgs84 = new CoordinateTransformationFactory()
        .CreateFromCoordinateSystems((CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Epsg27700), GeographicCoordinateSystem.WGS84)
        .MathTransform;

    // ProjNET transforms keep scratch state; boundary files are small, so one lock is simpler than a pool.
    private static readonly Lock Gate = new();

    /// <summary>Easting/northing → (longitude, latitude).</summary>
    public static (double Longitude, double Latitude) Transform(double easting, double northing)
    {
        lock (Gate)
        {
            return ToWgs84.Transform(easting, northing);
        }
    }

    /// <summary>A copy of <paramref name="geometry"/> with every coordinate moved from EPSG:27700 to WGS84.</summary>
    public static Geometry FromBritishNationalGrid(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new BngFilter());
        return copy;
    }

    private sealed class BngFilter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (lon, lat) = Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, lon);
                seq.SetY(i, lat);
            }
        }
    }
}
