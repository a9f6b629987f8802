using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Spatial;

/// <summary>
/// The only source of geometries: every geometry carries SRID 4326 (WGS84). X is longitude, Y is latitude.
/// </summary>
public static class Geo
{
    /// <summary>WGS84.</summary>
    public const int Srid = 4326;

    /// <summary>Mean Earth radius in metres, as used by PostGIS' spherical geography functions.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The factory for SRID 4326 geometries.</summary>
    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(Srid);

    /// <summary>A WGS84 point; throws when the coordinates are outside the globe.</summary>
    public static Point Point(double longitude, double latitude)
    {
        if (double.IsNaN(latitude) || latitude is < -90 or > 90)
        {
            throw new DomainRuleException("latitude", $"Latitude {latitude} is outside -90..90.");
        }

        if (double.IsNaN(longitude) || longitude is < -180 or > 180)
        {
            throw new DomainRuleException("longitude", $"Longitude {longitude} is outside -180..180.");
        }

        return Factory.CreatePoint(new Coordinate(longitude, latitude));
    }

    /// <summary>
    /// Snaps a point to a grid of about 1 km (0.01° latitude, 0.015° longitude at UK latitudes), the coarsening the
    /// ICO suggests for household-level data: the cell's centre is returned, never the original point.
    /// </summary>
    public static Point Coarsen(Point point)
    {
        const double latStep = 0.01;
        const double lonStep = 0.015;
        var lat = (Math.Floor(point.Y / latStep) + 0.5) * latStep;
        var lon = (Math.Floor(point.X / lonStep) + 0.5) * lonStep;
        return Point(Math.Round(lon, 4), Math.Round(lat, 4));
    }

    /// <summary>Great-circle (haversine) distance in metres on the sphere PostGIS uses for geography.</summary>
    public static double HaversineMetres(Point a, Point b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Y - a.Y);
        var dLon = Rad(b.X - a.X);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Rad(a.Y)) * Math.Cos(Rad(b.Y)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
