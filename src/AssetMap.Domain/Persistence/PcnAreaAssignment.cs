using Microsoft.EntityFrameworkCore;

namespace AssetMap.Domain.Persistence;

/// <summary>
/// Keeps each asset's PCN area in step with the boundaries, which are imported data and can change. The area comes
/// from the public point, never the exact one: for a home-based business that has not opted in, an area taken from
/// the home would tell which side of a boundary the hidden home is on. Only rows whose code actually changes are
/// written, so an import leaves every other asset's <c>xmin</c> (its concurrency token) alone.
/// </summary>
public static class PcnAreaAssignment
{
    private static string Assign(string which) =>
        $"""
        UPDATE assets a
        SET pcn_area_code = derived.code
        FROM ({Derived(which)}) AS derived
        WHERE a.id = derived.id AND a.pcn_area_code IS DISTINCT FROM derived.code
        """;

    // The same update, recording each changed asset's area in its history (source system) in the same statement.
    private static string AssignRecorded(string which) =>
        $"""
        WITH changed AS (
            UPDATE assets a
            SET pcn_area_code = derived.code
            FROM ({Derived(which)}) AS derived
            WHERE a.id = derived.id AND a.pcn_area_code IS DISTINCT FROM derived.code
            RETURNING a.id, derived.before, derived.code)
        INSERT INTO audit_entries (occurred_at, entity_type, entity_id, action, actor, source, source_detail, changes)
        SELECT now(), 'asset', id, 'updated', 'system', 'system', 'PCN area re-derived from the current boundaries',
               jsonb_build_array(jsonb_build_object('field', 'pcnAreaCode', 'before', before, 'after', code))
        FROM changed
        """;

    private static string Derived(string which) =>
        $"""
        SELECT s.id, s.pcn_area_code AS before,
               (SELECT p.code FROM pcn_areas p
                WHERE ST_Covers(p.boundary, s.public_location::geometry)
                ORDER BY p.code LIMIT 1) AS code
        FROM assets s
        WHERE {which}
        """;

    /// <summary>
    /// Derives every asset's PCN area again (after a boundary import); returns how many changed. Each change is
    /// recorded in the asset's history (source system, field <c>pcnAreaCode</c>), so an area that moved under an entry
    /// is explained.
    /// </summary>
    public static Task<int> AssignPcnAreasAsync(this AssetMapDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(AssignRecorded("true"), cancellationToken);

    /// <summary>Derives the PCN area of the assets with these ids (those an import created or changed); returns how many changed.</summary>
    public static Task<int> AssignPcnAreasAsync(this AssetMapDbContext db, IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken) =>
        assetIds.Count == 0
            ? Task.FromResult(0)
            : db.Database.ExecuteSqlRawAsync(
                Assign("s.id = ANY(@p0)"), [assetIds.ToArray()], cancellationToken);
}
