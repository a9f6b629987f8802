using NetTopologySuite.Geometries;

namespace AssetMap.Import.Boundaries;

/// <summary>Moves boundary geometries from British National Grid (EPSG:27700) to WGS84, through <see cref="Geodata.BritishNationalGrid"/>.</summary>
internal static class BoundaryReprojection
{
    public const int BritishNationalGrid = 27700;

    /// <summary>Easting/northing → (longitude, latitude); NaN off the grid, which the geometry checks then reject.</summary>
    public static (double Longitude, double Latitude) Transform(double easting, double northing)
    {
        if (!Geodata.BritishNationalGrid.IsOnGrid(easting, northing))
        {
            return (double.NaN, double.NaN);
        }

        var point = Geodata.BritishNationalGrid.ToWgs84(easting, northing);
        return (point.X, point.Y);
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
