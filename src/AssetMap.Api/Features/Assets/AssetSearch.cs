using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace AssetMap.Api.Features.Assets;

/// <summary>A page of hits and how many match in all.</summary>
internal sealed record AssetHitPage(IReadOnlyList<AssetHit> Items, int TotalCount);

/// <summary>
/// The one query service behind REST and GraphQL: published hubs, micro-enterprises and activities only (time-bank
/// members live elsewhere), filtered in SQL with the GiST/GIN indexes, nearest first when there is a point.
/// </summary>
internal sealed class AssetSearch(AssetMapDbContext db, TimeProvider clock)
{
    private const string English = "english";

    public async Task<AssetHitPage> SearchAsync(AssetSearchCriteria criteria, CancellationToken ct)
    {
        var query = await FilterAsync(criteria, ct);
        var total = await query.CountAsync(ct);
        var ordered = Order(query, criteria);
        var views = await ordered.Skip(criteria.Offset).Take(criteria.PageSize).ToViews().ToListAsync(ct);

        // Measured from the public point, on the sphere PostGIS orders by (ST_Distance with use_spheroid false).
        var hits = views.Select(v => new AssetHit(v, criteria.Near is { } near ? Geo.HaversineMetres(near, v.Location) : null)).ToList();
        return new AssetHitPage(hits, total);
    }

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

        if (c.Text is { } text)
        {
            var words = SearchText.Words(text);
            query = query.Where(a =>
                EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))
                || EF.Functions.TrigramsAreWordSimilar(text, a.Name)
                || a.Categories.Any(category => EF.Functions.ToTsVector(English, category.Name).Matches(EF.Functions.PlainToTsQuery(English, words))));
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

        return c.OpenOn is not null || c.OpenBetween is not null ? await OpenOnAsync(query, c.OpenOn, c.OpenBetween, ct) : query;
    }

    // Opening hours and RRULEs are evaluated in .NET (Ical.Net), over the candidates the SQL filters left; the
    // matching ids then go back into the SQL query so counting, ordering and paging stay in the database. Every
    // session of an activity starts at its first session's time of day and lasts as long.
    private async Task<IQueryable<Asset>> OpenOnAsync(IQueryable<Asset> query, OpenOn? openOn, OpenBetween? between, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var hubs = await query.OfType<CommunityHub>().Select(h => new { h.Id, h.OpeningHours }).ToListAsync(ct);
        var activities = await query.OfType<SocialPrescribingActivity>().Select(a => new { a.Id, a.Schedule }).ToListAsync(ct);
        var open = hubs.Where(h => h.OpeningHours?.Periods.Any(p => (openOn is null || p.Day == openOn.Day)
                && (between is null || between.Overlaps(p.Opens, p.Closes))) == true)
            .Select(h => h.Id)
            .Concat(activities
                .Where(a => openOn is null
                    || (openOn.Date is { } date ? a.Schedule.HasSessionOn(date) : a.Schedule.HasSessionOn(openOn.Day, today)))
                .Where(a => between is null || SessionOverlaps(a.Schedule, between))
                .Select(a => a.Id))
            .ToList();
        return query.Where(a => open.Contains(a.Id));
    }

    private static bool SessionOverlaps(Schedule schedule, OpenBetween between)
    {
        var starts = TimeOnly.FromDateTime(schedule.FirstStart);
        var ends = TimeOnly.FromDateTime(schedule.FirstStart + schedule.Duration);
        return between.Overlaps(starts, ends <= starts ? TimeOnly.MaxValue : ends);
    }

    private static IQueryable<Asset> Order(IQueryable<Asset> query, AssetSearchCriteria c)
    {
        if (c.Near is { } point)
        {
            return query.NearestFirst(point);
        }

        if (c.Text is { } text)
        {
            var words = SearchText.Words(text);
            return query
                .OrderByDescending(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Rank(EF.Functions.PlainToTsQuery(English, words))
                    + EF.Functions.TrigramsWordSimilarity(text, a.Name))
                .ThenBy(a => a.Name).ThenBy(a => a.Id);
        }

        return query.OrderBy(a => a.Name).ThenBy(a => a.Id);
    }
}
