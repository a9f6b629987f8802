using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Freshness;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>A page of hits and how many match in all.</summary>
/// <param name="Items">The page.</param>
/// <param name="TotalCount">Matches in all, exact unless <paramref name="TotalCountIsLowerBound"/>.</param>
/// <param name="TotalCountIsLowerBound">True when more than <paramref name="TotalCount"/> match: counting stopped there.</param>
internal sealed record AssetHitPage(IReadOnlyList<AssetHit> Items, int TotalCount, bool TotalCountIsLowerBound = false);

/// <summary>
/// The one query service behind REST, GraphQL, the web pages and the Open Referral feed: published hubs,
/// micro-enterprises and activities only (time-bank members live elsewhere), filtered in SQL with the GiST/GIN/btree
/// indexes. Nearest first when there is a point, by relevance for text (of a bounded set of candidates read from the
/// text indexes: <see cref="AssetSearchText"/>), else by name; within a distance band (or at
/// equal relevance) entries overdue for review come after fresh ones, and entries long overdue are left out.
/// Every order is read from an index a page at a time, and counting stops at <see cref="ExactCountLimit"/> (or the
/// end of the requested page), so a search over a million entries costs about what its page costs.
/// </summary>
internal sealed class AssetSearch(AssetMapDbContext db, TimeProvider clock, IOptions<FreshnessOptions> freshness)
{
    /// <summary>Counts are exact up to here (or to the end of the requested page, if further); beyond, a lower bound.</summary>
    public const int ExactCountLimit = 1_000;

    /// <summary>Outer edges of the distance bands (metres) within which fresh entries come before overdue ones.</summary>
    private static readonly double[] BandEdges = [1_000, 3_000, 5_000];


    /// <summary>With the default freshness rules (tests and tools that build the service by hand).</summary>
    public AssetSearch(AssetMapDbContext db, TimeProvider clock)
        : this(db, clock, Options.Create(new FreshnessOptions()))
    {
    }

    public async Task<AssetHitPage> SearchAsync(AssetSearchCriteria criteria, CancellationToken ct)
    {
        var fresh = AssetSearchFreshness.At(clock.GetUtcNow(), freshness.Value);
        var query = await FilterAsync(criteria, ct);
        var shown = fresh.Shown is { } visible ? query.Where(visible) : query;

        // Counting every match cost as much as the page again (a 10 km city search matches ~100,000): stop once the
        // answer is "more than the cap", and say so.
        var cap = Math.Max(ExactCountLimit, criteria.Offset + criteria.PageSize);
        int counted;
        List<AssetView> views;
        if (criteria.Text is { } text)
        {
            // The candidates read from the text indexes are also the count (up to the cap).
            var words = SearchText.Words(text);
            var categories = await AssetSearchText.MatchingCategoriesAsync(db, words, ct);
            if (criteria.Near is { } point)
            {
                var rows = await AssetSearchText.CandidatesNearAsync(shown, text, words, categories, cap + 1, fresh.KnnRow(point), r => r.Id, ct);
                counted = rows.Count;
                var matching = AssetSearchText.Near(query, text, words, categories);
                var ids = NearestText(rows, criteria, cap)
                    ?? await WalkAsync(cancel => NearestInMemoryAsync(matching, point, criteria, fresh, cancel), ct)
                    ?? await SegmentedIdsAsync(fresh.Shown is { } shownOnly ? matching.Where(shownOnly) : matching, criteria, fresh, ct);
                views = await ViewsAsync(ids, ct);
            }
            else
            {
                var candidates = await AssetSearchText.CandidatesAsync(shown, text, words, categories, cap + 1, ct);
                counted = candidates.Count;
                views = candidates.Count == 0 ? [] : await ViewsAsync(
                    await AssetSearchText.RankedPageAsync(db, candidates, text, words, fresh, criteria.Offset, criteria.PageSize, ct), ct);
            }
        }
        else
        {
            (views, counted) = criteria.Near is not null && HasFilters(criteria)
                ? await WalkAsync(cancel => PageAndCountAsync(query, shown, criteria, fresh, cap, cancel), ct)
                : await PageAndCountAsync(query, shown, criteria, fresh, cap, ct);
        }

        // Measured from the public point, on the sphere PostGIS orders by (<-> on geography).
        var hits = views.Select(v => new AssetHit(v, criteria.Near is { } near ? Geo.HaversineMetres(near, v.Location) : null)).ToList();
        return new AssetHitPage(hits, Math.Min(counted, cap), counted > cap);
    }

    // Everything but freshness: the caller adds "not long overdue" where it helps the plan (see NearestInMemoryAsync).
    private async Task<IQueryable<Asset>> FilterAsync(AssetSearchCriteria c, CancellationToken ct)
    {
        var query = db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published);

        if (c.Kinds.Count > 0)
        {
            query = query.Where(a => c.Kinds.Contains(a.Kind));
        }

        if (c.Near is { } point)
        {
            query = query.WithinMetres(point, c.RadiusMetres);
        }

        if (c.PcnCode is { } pcn)
        {
            query = query.Where(a => a.PcnAreaCode == pcn);
        }

        if (c.CategoryIds.Count > 0)
        {
            query = query.Where(a => a.Categories.Any(category => c.CategoryIds.Contains(category.Id)));
        }

        // The text is matched in SearchAsync, from its indexes (AssetSearchText).
        if (c.AccessibleOnly)
        {
            query = query.Where(a => a.WheelchairAccessible);
        }

        if (c.FreeOnly)
        {
            query = query.Where(a => ((MicroEnterprise)a).Price == Money.Free || ((SocialPrescribingActivity)a).Cost == Money.Free);
        }

        if (c.DirectPaymentsOnly)
        {
            query = query.Where(a => a.Kind == AssetKind.MicroEnterprise && ((MicroEnterprise)a).AcceptsDirectPayments);
        }

        if (c.VerifiedSince is { } since)
        {
            var from = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.LastVerifiedAt >= from);
        }

        if (c.ModifiedAfter is { } modified)
        {
            query = query.Where(a => a.UpdatedAt > modified);
        }

        if (c.Provider is { } provider)
        {
            // Case-insensitive equality: ILIKE with the pattern characters escaped.
            var pattern = provider.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            query = query.Where(a => a.Kind == AssetKind.Activity
                ? EF.Functions.ILike(((SocialPrescribingActivity)a).Provider, pattern)
                : EF.Functions.ILike(a.Name, pattern));
        }

        if (c.CategorisedOnly)
        {
            query = query.Where(a => a.Categories.Any());
        }

        return c.OpenOn is not null || c.OpenBetween is not null
            ? await AssetSearchWeek.FilterAsync(query, c.OpenOn, c.OpenBetween, UkTime.Today(clock), ct)
            : query;
    }

    // A short page that is not past the end already says how many match: no count needed.
    private async Task<(List<AssetView> Views, int Counted)> PageAndCountAsync(
        IQueryable<Asset> unfiltered, IQueryable<Asset> query, AssetSearchCriteria c, AssetSearchFreshness fresh, int cap, CancellationToken ct)
    {
        var ids = c.Near is { } point && await NearestInMemoryAsync(unfiltered, point, c, fresh, ct) is { } nearest
            ? nearest
            : await SegmentedIdsAsync(query, c, fresh, ct);
        var views = await ViewsAsync(ids, ct);
        var counted = views.Count < c.PageSize && (views.Count > 0 || c.Offset == 0)
            ? c.Offset + views.Count
            : await query.Select(a => a.Id).Take(cap + 1).CountAsync(ct);
        return (views, counted);
    }

    // Ids first, then the read model for just those: skipping to a deep page then reads the covering index only,
    // never the rows (or their categories and venues) of the pages before it.
    private async Task<List<AssetView>> ViewsAsync(List<Guid> ids, CancellationToken ct)
    {
        var views = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToViews().ToListAsync(ct);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. views.OrderBy(v => position[v.Id])];
    }

    // Text near a point: the candidates read from the text indexes within the radius (the tiers of AssetSearchText),
    // each with its distance. At most `cap` of them are all the matches, so ordered here (band, fresh before overdue,
    // distance, id) they give the page exactly, as NearestInMemoryAsync does from a KNN prefix: a rare word costs a
    // few index lookups. Null when there are more (a common word in a city): then the caller walks the GiST index.
    private static List<Guid>? NearestText(List<AssetSearchFreshness.NearRow> rows, AssetSearchCriteria c, int cap) =>
        rows.Count > cap ? null : [.. rows
            .OrderBy(r => (AssetSearchFreshness.Band(r.Metres), r.Overdue ? 1 : 0, r.Metres, r.Id))
            .Skip(c.Offset).Take(c.PageSize).Select(r => r.Id)];

    // Near a point with filters (a category, free, accessible, a day, a common word): the page comes from walking the
    // GiST index in distance order with the filters tested per row, which stops after the few hundred rows the page
    // needs. PostgreSQL cannot see that: it estimates ST_DWithin on geography at a fixed 0.01% of the table whatever
    // the radius (100 rows of a million, where a 5 km city radius holds 85,000), so with any filter it expects a handful
    // of matches, and reads every entry in the radius (or every entry of the category) and sorts them instead:
    // 150–330 ms in a city at 1M, 1.1 s for a common word, against 10–50 ms for the walk. Those filters have no index
    // on assets, so the walk never reads more rows than the sorting plans would. Sorting is switched off for these
    // statements (SET LOCAL, inside their own transaction), which leaves the index's order as the only way to the
    // page; so are bitmap scans, for the capped count: a plain scan of the GiST index stops at the 1,001st match,
    // where a bitmap first collects every entry in the radius, ANDed with the useless "published" index (77 → 8 ms
    // for free and accessible within 5 km of a city centre).
    private async Task<T> WalkAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async cancel =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off", cancel);
            var result = await read(cancel);
            await transaction.CommitAsync(cancel);
            return result;
        }, ct);
    }

    // Filters besides the radius that no index on assets serves (a PCN area has its own: its plan is left alone).
    private static bool HasFilters(AssetSearchCriteria c) =>
        c.PcnCode is null && (c.Kinds.Count > 0 || c.CategoryIds.Count > 0 || c.AccessibleOnly || c.FreeOnly || c.DirectPaymentsOnly
            || c.VerifiedSince is not null || c.ModifiedAfter is not null || c.Provider is not null || c.CategorisedOnly
            || c.OpenOn is not null || c.OpenBetween is not null);

    // The page is read segment by segment (band by band, fresh then overdue), each in its index's order, so no
    // request sorts more than a page; a segment wholly before the page is only counted (up to the offset).
    private static async Task<List<Guid>> SegmentedIdsAsync(
        IQueryable<Asset> query, AssetSearchCriteria c, AssetSearchFreshness fresh, CancellationToken ct)
    {
        var ids = new List<Guid>(c.PageSize);
        var skip = c.Offset;
        if (c.Near is not { } point)
        {
            foreach (var segment in new[] { query.Where(fresh.Fresh), query.Where(fresh.Overdue) })
            {
                var rows = await segment.OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(skip).Take(c.PageSize - ids.Count).Select(a => a.Id).ToListAsync(ct);
                ids.AddRange(rows);
                if (ids.Count == c.PageSize)
                {
                    break;
                }

                skip = rows.Count > 0 || skip == 0 ? 0 : skip - await segment.Take(skip).CountAsync(ct);
            }

            return ids;
        }

        foreach (var band in Bands(query, point, c.RadiusMetres))
        {
            foreach (var segment in new[] { band.Where(fresh.Fresh), band.Where(fresh.Overdue) })
            {
                var (rows, size) = await NearestAsync(segment, point, skip, c.PageSize - ids.Count, ct);
                ids.AddRange(rows);
                if (ids.Count == c.PageSize)
                {
                    return ids;
                }

                skip = Math.Max(0, skip - size);
            }
        }

        return ids;
    }

    // Usually one statement settles the page: the nearest 2 × (offset + size) + 20 matches in KNN order, each with its
    // distance and whether it is overdue. Every band nearer than the last one read is then complete, and so are the
    // fresh entries of that band nearer than the last distance read: when those make up the page, it is exact
    // (bands, then fresh before overdue, then distance, then id). Otherwise (a band of overdue entries ahead of the
    // page) null, and the page is read segment by segment. Freshness is computed in the SELECT, not filtered in the
    // WHERE: the planner cannot estimate those per-kind date comparisons, guesses a handful of rows, and would then
    // sort every match in the radius instead of reading the GiST index in distance order.
    private static async Task<List<Guid>?> NearestInMemoryAsync(
        IQueryable<Asset> query, Point point, AssetSearchCriteria c, AssetSearchFreshness fresh, CancellationToken ct)
    {
        var needed = c.Offset + c.PageSize;
        var read = (2 * needed) + 20;
        var all = await query.NearestFirst(point).Select(fresh.KnnRow(point)).Take(read).ToListAsync(ct);
        var rows = all.Where(r => !r.Hidden).ToList();
        static (int, int, double, Guid) Key(AssetSearchFreshness.NearRow r) =>
            (AssetSearchFreshness.Band(r.Metres), r.Overdue ? 1 : 0, r.Metres, r.Id);
        if (all.Count < read)
        {
            return [.. rows.OrderBy(Key).Skip(c.Offset).Take(c.PageSize).Select(r => r.Id)];
        }

        var cut = all[^1].Metres;
        var cutBand = AssetSearchFreshness.Band(cut);
        var known = rows.Where(r => AssetSearchFreshness.Band(r.Metres) < cutBand || (!r.Overdue && r.Metres < cut)).OrderBy(Key).ToList();
        return known.Count >= needed ? [.. known.Skip(c.Offset).Take(c.PageSize).Select(r => r.Id)] : null;
    }

    // KNN order has no tie-breaker (PostgreSQL cannot add ", id" to a GiST distance order), yet pages must not
    // overlap when entries share a point (homes coarsened to one grid centre). So the first skip + take rows (and
    // one more) come in index order with their distances, are ordered by (distance, id) here, and when a run of
    // equal distances crosses the end, the rest of that run is fetched too: an exact, stable order at KNN cost.
    private static async Task<(List<Guid> Page, int SegmentRowsSeen)> NearestAsync(
        IQueryable<Asset> segment, Point point, int skip, int take, CancellationToken ct)
    {
        var prefix = await segment.NearestFirst(point)
            .Select(a => new { a.Id, Metres = EF.Functions.DistanceKnn(a.PublicLocation, point) })
            .Take(skip + take + 1).ToListAsync(ct);
        if (prefix.Count <= skip)
        {
            return ([], prefix.Count);
        }

        var rows = prefix.Select(r => (r.Id, r.Metres)).ToList();
        if (rows.Count > skip + take)
        {
            var last = rows[skip + take - 1].Metres;
            rows = [.. rows.Take(skip + take)];
            if (prefix[skip + take].Metres == last)
            {
                var tied = await segment.WithinMetres(point, last + 1).Where(a => EF.Functions.DistanceKnn(a.PublicLocation, point) == last)
                    .Select(a => a.Id).ToListAsync(ct);
                rows = [.. rows.Where(r => r.Metres != last), .. tied.Select(id => (id, last))];
            }
        }

        return ([.. rows.OrderBy(r => r.Metres).ThenBy(r => r.Id).Skip(skip).Take(take).Select(r => r.Id)], skip + take);
    }

    private static IEnumerable<IQueryable<Asset>> Bands(IQueryable<Asset> query, Point point, double radius)
    {
        var inner = 0d;
        foreach (var edge in BandEdges.Where(e => e < radius).Append(radius))
        {
            var band = edge < radius ? query.WithinMetres(point, edge) : query;
            yield return inner > 0 ? band.BeyondMetres(point, inner) : band;
            inner = edge;
        }
    }
}
