using System.Globalization;
using AssetMap.Domain.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace AssetMap.Import.Boundaries;

/// <summary>Turns a feature's geometry into the WGS84 multipolygon a <c>PcnArea</c> needs, repairing it if it can.</summary>
internal static class BoundaryGeometry
{
    /// <summary>The boundary, or the reason it cannot be one; <paramref name="repaired"/> says why it needed fixing.</summary>
    public static MultiPolygon? ToBoundary(Geometry? geometry, int sourceSrid, out string? reason, out string? repaired)
    {
        reason = null;
        repaired = null;
        if (geometry is null || geometry.IsEmpty)
        {
            reason = "the feature has no geometry";
            return null;
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            reason = $"a PCN boundary must be a Polygon or MultiPolygon, not a {geometry.GeometryType}";
            return null;
        }

        if (sourceSrid == BoundaryReprojection.BritishNationalGrid)
        {
            geometry = BoundaryReprojection.FromBritishNationalGrid(geometry);
        }

        if (Array.Exists(geometry.Coordinates, c => double.IsNaN(c.X) || double.IsNaN(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90))
        {
            reason = sourceSrid == BoundaryReprojection.BritishNationalGrid
                ? "coordinates are outside the British National Grid"
                : "coordinates are outside WGS84 longitude/latitude";
            return null;
        }

        if (!geometry.IsValid)
        {
            var error = new IsValidOp(geometry).ValidationError;
            var fixedGeometry = Repair(geometry);
            if (fixedGeometry is null)
            {
                reason = $"the boundary is not a valid polygon ({Describe(error)}) and could not be repaired";
                return null;
            }

            repaired = Describe(error);
            geometry = fixedGeometry;
        }

        return geometry switch
        {
            MultiPolygon multi => Geo.Factory.CreateMultiPolygon([.. multi.Geometries.Cast<Polygon>().Select(Flat)]),
            Polygon polygon => Geo.Factory.CreateMultiPolygon([Flat(polygon)]),
            _ => null,
        };
    }

    // Rebuilt from X/Y only: GIS exports often carry Z (or M), which the 2D boundary column does not take.
    private static Polygon Flat(Polygon polygon) =>
        Geo.Factory.CreatePolygon(Ring(polygon.Shell), [.. polygon.Holes.Select(Ring)]);

    private static LinearRing Ring(LineString ring) =>
        Geo.Factory.CreateLinearRing([.. ring.Coordinates.Select(c => new Coordinate(c.X, c.Y))]);

    // GeometryFixer keeps every part of a self-touching or bow-tie ring; Buffer(0) is the classic fallback.
    private static Geometry? Repair(Geometry geometry)
    {
        foreach (var attempt in new Func<Geometry>[] { () => GeometryFixer.Fix(geometry), () => geometry.Buffer(0) })
        {
            var candidate = attempt();
            if (candidate is (Polygon or MultiPolygon) && !candidate.IsEmpty && candidate.IsValid)
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Describe(TopologyValidationError? error) =>
        error is null
            ? "invalid geometry"
            : string.Create(CultureInfo.InvariantCulture, $"{error.Message} near {error.Coordinate?.X:0.######} {error.Coordinate?.Y:0.######}");
}
