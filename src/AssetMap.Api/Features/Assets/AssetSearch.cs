using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Freshness;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NpgsqlTypes;

namespace AssetMap.Api.Features.Assets;

/// <summary>A page of hits and how many match in all.</summary>
/// <param name="Items">The page.</param>
/// <param name="TotalCount">Matches in all, exact unless <paramref name="TotalCountIsLowerBound"/>.</param>
/// <param name="TotalCountIsLowerBound">True when more than <paramref name="TotalCount"/> match: counting stopped there.</param>
internal sealed record AssetHitPage(IReadOnlyList<AssetHit> Items, int TotalCount, bool TotalCountIsLowerBound = false);

/// <summary>
/// The one query service behind REST, GraphQL, the web pages and the Open Referral feed: published hubs,
/// micro-enterprises and activities only (time-bank members live elsewhere), filtered in SQL with the GiST/GIN/btree
/// indexes. Nearest first when there is a point, by relevance for text, else by name; within a distance band (or at
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

    private const string English = "english";

    /// <summary>With the default freshness rules (tests and tools that build the service by hand).</summary>
    public AssetSearch(AssetMapDbContext db, TimeProvider clock)
        : this(db, clock, Options.Create(new FreshnessOptions()))
    {
    }

    public async Task<AssetHitPage> SearchAsync(AssetSearchCriteria criteria, CancellationToken ct)
    {
        var fresh = AssetSearchFreshness.At(clock.GetUtcNow(), freshness.Value);
        var query = await FilterAsync(criteria, fresh, ct);

        // Counting every match cost as much as the page again (a 10 km city search matches ~100,000): stop once the
        // answer is "more than the cap", and say so.
        var cap = Math.Max(ExactCountLimit, criteria.Offset + criteria.PageSize);
        var counted = await query.Select(a => a.Id).Take(cap + 1).CountAsync(ct);
        var views = counted <= criteria.Offset ? [] : await PageAsync(query, criteria, fresh, ct);

        // Measured from the public point, on the sphere PostGIS orders by (<-> on geography).
        var hits = views.Select(v => new AssetHit(v, criteria.Near is { } near ? Geo.HaversineMetres(near, v.Location) : null)).ToList();
        return new AssetHitPage(hits, Math.Min(counted, cap), counted > cap);
    }

    private async Task<IQueryable<Asset>> FilterAsync(AssetSearchCriteria c, AssetSearchFreshness fresh, CancellationToken ct)
    {
        var query = db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published);
        if (fresh.Shown is { } shown)
        {
            query = query.Where(shown);
        }

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

        if (c.Text is { } text)
        {
            query = await MatchingTextAsync(query, text, c.Near is not null, ct);
        }

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

    // Full text, typo-tolerant name, or a category's name. The categories that match are looked up first (a few dozen
    // rows), so most words need no category test at all. Near a point the few rows in the radius are tested one by
    // one inside the GiST scan. Without one, an OR of the three cannot use any index (a sequential scan with a
    // trigram comparison per row, 7.7 s at 1M): each part is looked up in its own index instead, as a set of ids.
    private async Task<IQueryable<Asset>> MatchingTextAsync(IQueryable<Asset> query, string text, bool near, CancellationToken ct)
    {
        var words = SearchText.Words(text);
        var categories = await db.Categories
            .Where(category => EF.Functions.ToTsVector(English, category.Name).Matches(EF.Functions.PlainToTsQuery(English, words)))
            .Select(category => category.Id).ToListAsync(ct);
        if (near)
        {
            return categories.Count == 0
                ? query.Where(a =>
                    EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))
                    || EF.Functions.TrigramsAreWordSimilar(text, a.Name))
                : query.Where(a =>
                    EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))
                    || EF.Functions.TrigramsAreWordSimilar(text, a.Name)
                    || a.Categories.Any(category => categories.Contains(category.Id)));
        }

        var ids = db.Assets
            .Where(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words)))
            .Select(a => a.Id)
            .Union(db.Assets.Where(a => EF.Functions.TrigramsAreWordSimilar(text, a.Name)).Select(a => a.Id));
        if (categories.Count > 0)
        {
            ids = ids.Union(db.Set<Dictionary<string, object>>("asset_categories")
                .Where(link => categories.Contains(EF.Property<Guid>(link, "category_id")))
                .Select(link => EF.Property<Guid>(link, "asset_id")));
        }

        return query.Where(a => ids.Contains(a.Id));
    }

    private async Task<List<AssetView>> PageAsync(
        IQueryable<Asset> query, AssetSearchCriteria c, AssetSearchFreshness fresh, CancellationToken ct)
    {
        List<Guid> ids;
        if (c.Near is null && c.Text is { } text)
        {
            // Relevance needs every match's rank: sorted once, fresh before overdue at equal relevance.
            var words = SearchText.Words(text);
            ids = await query
                .OrderByDescending(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Rank(EF.Functions.PlainToTsQuery(English, words))
                    + EF.Functions.TrigramsWordSimilarity(text, a.Name))
                .ThenBy(fresh.OverdueLast)
                .ThenBy(a => a.Name).ThenBy(a => a.Id)
                .Skip(c.Offset).Take(c.PageSize).Select(a => a.Id).ToListAsync(ct);
        }
        else
        {
            ids = await SegmentedIdsAsync(query, c, fresh, ct);
        }

        // Ids first, then the read model for just those: skipping to a deep page then reads the covering index only,
        // never the rows (or their categories and venues) of the pages before it.
        var views = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToViews().ToListAsync(ct);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. views.OrderBy(v => position[v.Id])];
    }

    // The page is read segment by segment (band by band, fresh then overdue), each in its index's order, so no
    // request sorts more than a page; only a segment wholly before the page is counted (capped at the offset).
    private static async Task<List<Guid>> SegmentedIdsAsync(
        IQueryable<Asset> query, AssetSearchCriteria c, AssetSearchFreshness fresh, CancellationToken ct)
    {
        var ids = new List<Guid>(c.PageSize);
        var skip = c.Offset;
        foreach (var segment in Segments(query, c, fresh))
        {
            var rows = await segment.Skip(skip).Take(c.PageSize - ids.Count).Select(a => a.Id).ToListAsync(ct);
            ids.AddRange(rows);
            if (ids.Count == c.PageSize)
            {
                break;
            }

            skip = rows.Count > 0 || skip == 0 ? 0 : skip - await segment.Take(skip).CountAsync(ct);
        }

        return ids;
    }

    private static IEnumerable<IQueryable<Asset>> Segments(IQueryable<Asset> query, AssetSearchCriteria c, AssetSearchFreshness fresh)
    {
        if (c.Near is not { } point)
        {
            yield return query.Where(fresh.Fresh).OrderBy(a => a.Name).ThenBy(a => a.Id);
            yield return query.Where(fresh.Overdue).OrderBy(a => a.Name).ThenBy(a => a.Id);
            yield break;
        }

        foreach (var band in Bands(query, point, c.RadiusMetres))
        {
            yield return band.Where(fresh.Fresh).NearestFirst(point);
            yield return band.Where(fresh.Overdue).NearestFirst(point);
        }
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
