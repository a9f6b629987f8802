using Microsoft.EntityFrameworkCore;

namespace AssetMap.Domain.Persistence;

/// <summary>Keeps each asset's PCN area in step with the boundaries, which are imported data and can change.</summary>
public static class PcnAreaAssignment
{
    /// <summary>
    /// Sets every asset's PCN area to the boundary that covers its public point (null when none does): a hidden home's
    /// area must not tell which side of a boundary the home itself is on.
    /// </summary>
    public static Task<int> AssignPcnAreasAsync(this AssetMapDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            UPDATE assets a
            SET pcn_area_code = (SELECT p.code FROM pcn_areas p
                                 WHERE ST_Covers(p.boundary, a.public_location::geometry)
                                 ORDER BY p.code LIMIT 1)
            """,
            cancellationToken);
}
