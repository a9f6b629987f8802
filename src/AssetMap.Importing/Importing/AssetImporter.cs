using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.Taxonomy;
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
    // Rows per batch: large enough that the per-batch queries are few, small enough that tracked entities stay cheap.
    private const int BatchSize = 2_000;

    private const long AdvisoryLockKey = 0x4153_5341_5353; // "ASSASS": one asset import at a time

    /// <summary>
    /// True while any asset import (a CLI run or an upload, in any process) holds the import lock on this database: a
    /// caller that must not wait for it (the upload endpoint) answers 409 instead. pg_locks lists the whole server's
    /// locks and advisory locks belong to a database, so another database's import (a second directory on the same
    /// server, a parallel test) must not count.
    /// </summary>
    public static Task<bool> IsRunningAsync(AssetMapDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<bool>(
            $"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND ((classid::bigint << 32) | objid::bigint) = {AdvisoryLockKey} AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS \"Value\"")
            .SingleAsync(ct);

    /// <summary>Imports <paramref name="path"/>; throws <see cref="SpreadsheetException"/> when the file cannot be read at all.</summary>
    public async Task<ImportReport> ImportAsync(string path, AssetImportOptions options, CancellationToken ct)
    {
        var fileName = Path.GetFileName(path);
        var mapping = options.MappingPath is null ? null : ColumnMapping.Load(options.MappingPath);
        var tables = SpreadsheetReader.Read(path, options.Sheet, mapping);
        var problems = new List<ImportProblem>(TableWarnings(tables));
        // Tracked: a caller's context (the sample loader) may hold these very categories already.
        var categories = await db.Categories.ToListAsync(ct);
        var postcodes = new Dictionary<string, Point>(StringComparer.Ordinal);
        var mapper = new AssetRowMapper(fileName, options.Kind, CategoryLookup(categories), postcodes,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var rejected = new List<RowContext>();
        var seen = new Dictionary<string, (string? Sheet, int Row)>();
        var kinds = new HashSet<AssetKind>();
        var waiting = new List<AssetCandidate>();

        // One transaction per file, written batch by batch so nothing holds the whole file; a dry run or a --strict
        // failure rolls it back. Inside a caller's transaction (the sample loader) a savepoint plays that part.
        var outer = db.Database.CurrentTransaction;
        await using var transaction = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (outer is not null)
        {
            await outer.CreateSavepointAsync("asset_import", ct);
        }

        // One asset import at a time: two files naming the same business would otherwise both choose a free slug
        // (or both create the record) before either commits, and one would fail on the unique index.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var matches = new AssetMatches(db);
        var apply = new AssetApplier(db, fileName, clock.GetUtcNow(), categories, matches, Actor(options.Actor));
        try
        {
            var rows = tables.Where(t => t.Problem is null).SelectMany(t => t.Rows).ToList();
            var done = 0;
            options.Progress?.Report(new ImportProgress(0, rows.Count));
            await matches.IndexAsync(
                [.. rows.Select(r => Cell(r, "ref")).OfType<string>()],
                [.. rows.Where(r => Cell(r, "ref") is null).Select(r => Cell(r, "name") ?? Cell(r, "organisation")).OfType<string>()], ct);
            foreach (var chunk in tables.Where(t => t.Problem is null).SelectMany(t => t.Rows.Select(r => (Table: t, Row: r))).Chunk(BatchSize))
            {
                await AddPostcodesAsync(postcodes, chunk.Select(c => c.Row), ct);
                var batch = new List<AssetCandidate>(chunk.Length);
                foreach (var (table, row) in chunk)
                {
                    var (candidate, context) = mapper.Map(table, row);
                    if (candidate is not null && seen.TryGetValue(candidate.MatchKey, out var first))
                    {
                        context.Error(candidate.Ref is null ? "name" : "ref",
                            $"Duplicate of {(first.Sheet is null ? "" : $"sheet '{first.Sheet}' ")}row {first.Row}: imported once, from that row.");
                        candidate = null;
                    }

                    if (candidate is null)
                    {
                        rejected.Add(context);
                        continue;
                    }

                    seen[candidate.MatchKey] = (table.Sheet, row.RowNumber);
                    kinds.Add(candidate.Kind);
                    batch.Add(candidate);
                }

                var (refused, later) = await apply.ApplyBatchAsync(batch, lastChance: false, ct);
                rejected.AddRange(refused);
                waiting.AddRange(later);
                problems.AddRange(batch.Except(later).Where(c => !c.Row.HasErrors).SelectMany(c => c.Row.Problems));
                done += chunk.Length;
                options.Progress?.Report(new ImportProgress(done, rows.Count));
            }

            // Activities whose venue is a hub further down the file: every hub is known now.
            foreach (var chunk in waiting.Chunk(BatchSize))
            {
                var (refused, _) = await apply.ApplyBatchAsync(chunk, lastChance: true, ct);
                rejected.AddRange(refused);
                problems.AddRange(chunk.Where(c => !c.Row.HasErrors).SelectMany(c => c.Row.Problems));
            }

            var outcome = await apply.FinishAsync(kinds, options.ArchiveMissing, ct);
            problems.AddRange(rejected.SelectMany(r => r.Problems));
            var applied = !options.DryRun && !(options.Strict && rejected.Count > 0);
            if (applied)
            {
                await db.AssignPcnAreasAsync(apply.Placed, ct);
                await (transaction?.CommitAsync(ct) ?? Task.CompletedTask);
            }
            else
            {
                await (transaction?.RollbackAsync(ct) ?? outer!.RollbackToSavepointAsync("asset_import", ct));
            }

            if (rejected.Count > 0 && !options.DryRun)
            {
                // In the file's order, as the officer will read and fix them (a batch rejects after the cell checks).
                RejectsWriter.Write(RejectsPathFor(path), [.. rejected.OrderBy(r => IndexOf(tables, r.Table)).ThenBy(r => r.Row.RowNumber)]);
            }

            var ordered = problems.Distinct().OrderBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Row).ToList();
            // Counts say what the file would do even when nothing was written (--dry-run, --strict rollback): Applied tells which.
            var counts = new ImportCounts(outcome.Created, outcome.Updated, outcome.Unchanged, outcome.Archived, rejected.Count,
                ordered.Count(p => p.Severity == ProblemSeverity.Warning));
            return new ImportReport(fileName, applied, counts, ordered, outcome.MissingFromFile);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Who history names: the given actor, else the operating system user, else "importer".</summary>
    public static string Actor(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given.Trim()
        : !string.IsNullOrWhiteSpace(Environment.UserName) ? Environment.UserName
        : "importer";

    private static int IndexOf(IReadOnlyList<ImportTable> tables, ImportTable table) =>
        tables.Select((t, i) => (t, i)).First(p => ReferenceEquals(p.t, table)).i;

    private static string? Cell(ImportRow row, string field) => Parsing.CellParse.Text(row.Values.GetValueOrDefault(field)).Value;

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

    private static Dictionary<string, Category> CategoryLookup(IReadOnlyList<Category> categories)
    {
        var lookup = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
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

    // The points of the batch's postcodes not looked up yet, in one query.
    private async Task AddPostcodesAsync(Dictionary<string, Point> known, IEnumerable<ImportRow> rows, CancellationToken ct)
    {
        var wanted = rows.Select(r => r.Values.GetValueOrDefault("postcode") as string)
            .Select(text => Domain.Places.Postcode.TryParse(text, out var postcode, out _) ? postcode.Value : null)
            .OfType<string>().Where(p => !known.ContainsKey(p)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var found = await db.Database
            .SqlQuery<PostcodePoint>($"SELECT postcode, ST_X(location::geometry) AS longitude, ST_Y(location::geometry) AS latitude FROM postcodes WHERE postcode = ANY({wanted})")
            .ToListAsync(ct);
        foreach (var point in found)
        {
            known[point.Postcode] = Geo.Point(point.Longitude, point.Latitude);
        }
    }

    private sealed record PostcodePoint(string Postcode, double Longitude, double Latitude);
}
