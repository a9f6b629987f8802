using AssetMap.Domain;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using AssetMap.Import.Importing;

namespace AssetMap.Import.Boundaries;

/// <summary>
/// Replaces PCN boundaries from a GeoJSON or Shapefile and re-derives every asset's PCN area. All or nothing: one bad
/// feature rejects the file, because a partial boundary set would put assets in the wrong PCN.
/// </summary>
internal sealed class PcnAreaImporter(AssetMapDbContext db)
{
    private const long AdvisoryLockKey = 0x4153_5045_434E; // "ASPECN": one boundary import at a time

    public async Task<BoundaryImportResult> ImportAsync(
        string path, string? codeProperty, string? nameProperty, bool dryRun, CancellationToken ct)
    {
        var fileName = Path.GetFileName(path);
        var file = BoundaryReader.Read(path, codeProperty, nameProperty);
        List<ImportProblem> problems = [.. file.Problems];
        var areas = Validate(file.Features, problems);
        if (problems.Count > 0)
        {
            return BoundaryImportResult.Rejected(fileName, file.SourceSrid, [.. problems.OrderBy(p => p.Row)], Warnings(file));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        // The assets' codes before, kept in the transaction to count what AssignPcnAreasAsync changes.
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE pcn_before ON COMMIT DROP AS SELECT id, pcn_area_code FROM assets", ct);

        var existing = await db.PcnAreas.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var area in areas)
        {
            if (!existing.TryGetValue(area.Code, out var stored))
            {
                db.PcnAreas.Add(area);
                created++;
            }
            else if (stored.Name == area.Name && stored.Locality == area.Locality && SameShape(stored.Boundary, area.Boundary))
            {
                unchanged++;
            }
            else
            {
                stored.Replace(area.Code, area.Name, area.Locality, area.Boundary);
                updated++;
            }
        }

        await db.SaveChangesAsync(ct);
        await db.AssignPcnAreasAsync(ct);
        var reassigned = (await db.Database.SqlQueryRaw<int>(
            """
            SELECT count(*)::int AS "Value" FROM assets a JOIN pcn_before b ON b.id = a.id
            WHERE a.pcn_area_code IS DISTINCT FROM b.pcn_area_code
            """).ToListAsync(ct)).Single();

        if (dryRun)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        var inFile = areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var missing = existing.Keys.Where(code => !inFile.Contains(code)).Order(StringComparer.Ordinal).ToList();
        return new BoundaryImportResult(
            fileName, file.SourceSrid, created, updated, unchanged, [], Warnings(file), missing, reassigned, Applied: !dryRun);
    }

    /// <summary>Domain rules per feature (through <see cref="PcnArea.Create"/>), then one code per feature.</summary>
    private static List<PcnArea> Validate(IReadOnlyList<BoundaryFeature> features, List<ImportProblem> problems)
    {
        List<PcnArea> areas = [];
        var firstWithCode = new Dictionary<string, BoundaryFeature>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            PcnArea area;
            try
            {
                area = PcnArea.Create(feature.Code, feature.Name, feature.Locality, feature.Boundary);
            }
            catch (DomainRuleException e)
            {
                var property = e.Field switch
                {
                    "code" => feature.CodeProperty,
                    "name" => feature.NameProperty,
                    "boundary" => "geometry",
                    _ => e.Field,
                };
                problems.Add(BoundaryProblem.Error(feature.Index, property, e.Message));
                continue;
            }

            if (firstWithCode.TryGetValue(area.Code, out var first))
            {
                problems.Add(BoundaryProblem.Error(
                    feature.Index, feature.CodeProperty,
                    $"code {area.Code} appears twice: features {first.Index} ({first.Name}) and {feature.Index} ({feature.Name})"));
                continue;
            }

            firstWithCode.Add(area.Code, feature);
            areas.Add(area);
        }

        return areas;
    }

    // Exact first (a re-import of the same file); then topological, so a re-export that only moved ring starts or
    // orientation is still "unchanged" (ST_Equals semantics).
    private static bool SameShape(MultiPolygon stored, MultiPolygon imported) =>
        stored.EqualsExact(imported) || stored.EqualsTopologically(imported);

    private static List<ImportProblem> Warnings(BoundaryFile file) => [.. file.Warnings.Select(BoundaryProblem.Warning)];
}
