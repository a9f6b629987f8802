using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Persistence;

/// <summary>
/// Proximity over the points the public may see (<see cref="Asset.PublicLocation"/>), on the sphere (great-circle distance, as the KNN <c>&lt;-&gt;</c> operator measures
/// geography): filter and order agree with each other and with a haversine check, and the filter is an index-backed
/// <c>ST_DWithin</c> on the geography column. The spheroid would differ by under 0.5%, nothing a person would notice.
/// </summary>
public static class SpatialQueries
{
    /// <summary>Assets within <paramref name="metres"/> of <paramref name="point"/> (index-backed <c>ST_DWithin</c>).</summary>
    public static IQueryable<T> WithinMetres<T>(this IQueryable<T> assets, Point point, double metres)
        where T : Asset =>
        assets.Where(a => EF.Functions.IsWithinDistance(a.PublicLocation, point, metres, false));

    /// <summary>Assets further than <paramref name="metres"/> from <paramref name="point"/> (a distance band's inner edge).</summary>
    public static IQueryable<T> BeyondMetres<T>(this IQueryable<T> assets, Point point, double metres)
        where T : Asset =>
        assets.Where(a => !EF.Functions.IsWithinDistance(a.PublicLocation, point, metres, false));

    /// <summary>
    /// Nearest first by the KNN operator <c>&lt;-&gt;</c> alone, so the GiST index returns the page in order without
    /// reading every match. No <c>, id</c> tie-breaker: PostgreSQL cannot add one to an index's KNN order, and it
    /// would sort every match again. Equal distances (homes coarsened to the same point) come in the index's order,
    /// which is the same from one request to the next while the index is unchanged.
    /// </summary>
    public static IOrderedQueryable<T> NearestFirst<T>(this IQueryable<T> assets, Point point)
        where T : Asset =>
        assets.OrderBy(a => EF.Functions.DistanceKnn(a.PublicLocation, point));
}
