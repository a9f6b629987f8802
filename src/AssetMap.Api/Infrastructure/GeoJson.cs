using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Infrastructure;

/// <summary>An RFC 7946 geometry: <c>Point</c>, <c>Polygon</c> or <c>MultiPolygon</c>, coordinates as [longitude, latitude].</summary>
/// <param name="Type">GeoJSON geometry type.</param>
/// <param name="Coordinates">Nested coordinate arrays, as RFC 7946 lays them out for the type.</param>
public sealed record GeoJsonGeometry([property: JsonPropertyOrder(-1)] string Type, object Coordinates)
{
    public static GeoJsonGeometry From(Geometry geometry) => geometry switch
    {
        Point p => new("Point", Position(p.Coordinate)),
        Polygon p => new("Polygon", Rings(p)),
        MultiPolygon m => new("MultiPolygon", m.Geometries.Cast<Polygon>().Select(Rings).ToArray()),
        _ => throw new NotSupportedException($"No GeoJSON mapping for {geometry.GeometryType}."),
    };

    private static double[][][] Rings(Polygon polygon) =>
        [.. new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings).Select(r => r.Coordinates.Select(Position).ToArray())];

    private static double[] Position(Coordinate c) => [c.X, c.Y];
}

/// <summary>An RFC 7946 feature.</summary>
/// <param name="Id">Feature id.</param>
/// <param name="Geometry">Its geometry.</param>
/// <param name="Properties">Its properties.</param>
/// <param name="Type">Always <c>Feature</c>.</param>
public sealed record GeoJsonFeature<TProperties>(
    string Id, GeoJsonGeometry Geometry, TProperties Properties, [property: JsonPropertyOrder(-1)] string Type = "Feature");

/// <summary>An RFC 7946 feature collection; paging travels as foreign members beside the features.</summary>
/// <param name="Features">The features.</param>
/// <param name="TotalCount">Features on all pages, for paged lists.</param>
/// <param name="Links">Paging links, for paged lists.</param>
/// <param name="TotalCountIsLowerBound">For searches: true when more than <paramref name="TotalCount"/> match (counting stopped).</param>
/// <param name="Type">Always <c>FeatureCollection</c>.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "RFC 7946 names it FeatureCollection.")]
public sealed record GeoJsonFeatureCollection<TProperties>(
    IReadOnlyList<GeoJsonFeature<TProperties>> Features,
    int? TotalCount = null,
    object? Links = null,
    bool? TotalCountIsLowerBound = null,
    [property: JsonPropertyOrder(-1)] string Type = "FeatureCollection");

internal static class GeoJsonNegotiation
{
    public const string MediaType = "application/geo+json";

    /// <summary>True when the client asked for GeoJSON (the <c>.geojson</c> suffix is rewritten into this Accept header).</summary>
    public static bool WantsGeoJson(this HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));

    private const string OriginalPathKey = "AssetMap.OriginalPath";

    /// <summary>Serves <c>/x.geojson</c> as <c>/x</c> with <c>Accept: application/geo+json</c>.</summary>
    public static IApplicationBuilder UseGeoJsonSuffix(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase))
        {
            context.Items[OriginalPathKey] = path;
            context.Request.Path = path[..^".geojson".Length];
            context.Request.Headers.Accept = MediaType;
        }

        return next(context);
    });

    /// <summary>The path as the client wrote it, suffix included, for links back to the same representation.</summary>
    public static string OriginalPath(HttpContext context) =>
        context.Items[OriginalPathKey] as string ?? context.Request.Path.Value ?? "/";
}
