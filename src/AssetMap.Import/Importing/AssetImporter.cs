using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using AssetMap.Import.Readers;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Import.Importing;

/// <summary>
/// Imports a CVS spreadsheet of assets: one transaction per file, idempotent upserts (matched on the file's reference
/// column, else on normalised name + postcode), every problem reported by sheet, row and column, rejected rows written
/// to a rejects file. <c>--strict</c> is all or nothing; <c>--dry-run</c> validates and rolls back.
/// </summary>
public sealed class AssetImporter(AssetMapDbContext db, TimeProvider clock)
{
    /// <summary>Imports <paramref name="path"/>; throws <see cref="SpreadsheetException"/> when the file cannot be read at all.</summary>
    public async Task<ImportReport> ImportAsync(string path, AssetImportOptions options, CancellationToken ct)
    {
        var fileName = Path.GetFileName(path);
        var mapping = options.MappingPath is null ? null : ColumnMapping.Load(options.MappingPath);
        var tables = SpreadsheetReader.Read(path, options.Sheet, mapping);
        var problems = new List<ImportProblem>(TableWarnings(tables));

        var mapper = new AssetRowMapper(fileName, options.Kind, await CategoryLookupAsync(ct), await PostcodeLookupAsync(tables, ct),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var candidates = new List<AssetCandidate>();
        var rejected = new List<RowContext>();
        var seen = new Dictionary<string, RowContext>();
        foreach (var table in tables.Where(t => t.Problem is null))
        {
            foreach (var row in table.Rows)
            {
                var (candidate, context) = mapper.Map(table, row);
                if (candidate is not null && seen.TryGetValue(candidate.MatchKey, out var first))
                {
                    candidate.Row.Error(candidate.Ref is null ? "name" : "ref",
                        $"Duplicate of {(first.Table.Sheet is null ? "" : $"sheet '{first.Table.Sheet}' ")}row {first.Row.RowNumber}: imported once, from that row.");
                    rejected.Add(candidate.Row);
                    continue;
                }

                if (candidate is null)
                {
                    rejected.Add(context);
                    continue;
                }

                seen[candidate.MatchKey] = candidate.Row;
                candidates.Add(candidate);
            }
        }

        // One transaction per file; inside a caller's transaction (the sample loader) the caller commits.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var apply = new AssetApplier(db, fileName, clock.GetUtcNow());
        var outcome = await apply.ApplyAsync(candidates, options.ArchiveMissing, ct);
        rejected.AddRange(outcome.Rejected);
        problems.AddRange(candidates.Select(c => c.Row).Concat(rejected).Distinct().SelectMany(r => r.Problems));

        var applied = !options.DryRun && !(options.Strict && rejected.Count > 0);
        if (applied)
        {
            await db.SaveChangesAsync(ct);
            await db.AssignPcnAreasAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        else if (transaction is not null)
        {
            await transaction.RollbackAsync(ct);
        }

        db.ChangeTracker.Clear();
        if (rejected.Count > 0 && !options.DryRun)
        {
            RejectsWriter.Write(options.RejectsPath ?? RejectsPathFor(path), rejected);
        }

        var ordered = problems.Distinct().OrderBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Row).ToList();
        // Counts say what the file would do even when nothing was written (--dry-run, --strict rollback): Applied tells which.
        var counts = new ImportCounts(outcome.Created, outcome.Updated, outcome.Unchanged, outcome.Archived, rejected.Count,
            ordered.Count(p => p.Severity == ProblemSeverity.Warning));
        return new ImportReport(fileName, applied, counts, ordered, outcome.MissingFromFile);
    }

    /// <summary>name.csv → name.rejects.csv, name.xlsx → name.rejects.xlsx, beside it.</summary>
    public static string RejectsPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".rejects" + Path.GetExtension(path).ToLowerInvariant());

    private static IEnumerable<ImportProblem> TableWarnings(IReadOnlyList<ImportTable> tables)
    {
        foreach (var table in tables)
        {
            if (table.Problem is { } problem)
            {
                yield return new ImportProblem(ProblemSeverity.Warning, table.Sheet, 0, null, null, problem);
                continue;
            }

            foreach (var column in table.Unrecognised)
            {
                yield return new ImportProblem(ProblemSeverity.Warning, table.Sheet, table.HeaderRow, column.Header, null,
                    "Column not recognised, so not imported (use --mapping to name its field).");
            }

            foreach (var column in table.Duplicates)
            {
                yield return new ImportProblem(ProblemSeverity.Warning, table.Sheet, table.HeaderRow, column.Header, null,
                    $"A second column for {column.DuplicateOf}: the first one is used.");
            }
        }
    }

    private async Task<Dictionary<string, Domain.Taxonomy.Category>> CategoryLookupAsync(CancellationToken ct)
    {
        var categories = await db.Categories.ToListAsync(ct);
        var lookup = new Dictionary<string, Domain.Taxonomy.Category>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in categories)
        {
            lookup.TryAdd(category.Name, category);
            lookup.TryAdd(category.Slug, category);
        }

        foreach (var category in categories)
        {
            foreach (var synonym in category.Synonyms)
            {
                lookup.TryAdd(synonym, category);
            }
        }

        return lookup;
    }

    private async Task<Dictionary<string, Point>> PostcodeLookupAsync(IReadOnlyList<ImportTable> tables, CancellationToken ct)
    {
        var wanted = tables.SelectMany(t => t.Rows)
            .Select(r => r.Values.GetValueOrDefault("postcode") as string)
            .Select(text => Domain.Places.Postcode.TryParse(text, out var postcode, out _) ? postcode.Value : null)
            .OfType<string>().Distinct().ToList();
        var found = await db.Database
            .SqlQuery<PostcodePoint>($"SELECT postcode, ST_X(location::geometry) AS longitude, ST_Y(location::geometry) AS latitude FROM postcodes WHERE postcode = ANY({wanted})")
            .ToListAsync(ct);
        return found.ToDictionary(p => p.Postcode, p => Geo.Point(p.Longitude, p.Latitude));
    }

    private sealed record PostcodePoint(string Postcode, double Longitude, double Latitude);
}
