using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Freshness;

/// <summary>One entry in the editors' review list.</summary>
internal sealed record DueEntry(Guid Id, string Slug, AssetKind Kind, string Name, AssetStatus Status, Verification Verification);

/// <summary>
/// The entries due for review within a window, and those already overdue, most overdue first: each entry's due date is
/// its last check (or creation) plus its kind's interval, computed in SQL so the order and paging are the database's.
/// Drafts are listed too (an editor checks them before publishing); archived records are not.
/// </summary>
internal sealed class ReviewQueue(AssetMapDbContext db, IOptions<FreshnessOptions> options, VerificationRules rules, TimeProvider clock)
{
    public async Task<(List<DueEntry> Items, int Total)> DueAsync(int withinDays, int page, int pageSize, CancellationToken ct)
    {
        var o = options.Value;
        var (hub, enterprise, activity) = (o.IntervalMonths(AssetKind.Hub), o.IntervalMonths(AssetKind.MicroEnterprise), o.IntervalMonths(AssetKind.Activity));
        var until = clock.GetUtcNow().AddDays(withinDays);
        var due = db.Assets.AsNoTracking()
            .Where(a => a.Status != AssetStatus.Archived)
            .Select(a => new
            {
                a.Id, a.Slug, a.Kind, a.Name, a.Status, a.LastVerifiedAt, a.CreatedAt,
                DueAt = (a.LastVerifiedAt ?? a.CreatedAt).AddMonths(a.Kind == AssetKind.Hub ? hub : a.Kind == AssetKind.MicroEnterprise ? enterprise : activity),
            })
            .Where(a => a.DueAt <= until);
        var total = await due.CountAsync(ct);
        var rows = await due.OrderBy(a => a.DueAt).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return ([.. rows.Select(r => new DueEntry(r.Id, r.Slug, r.Kind, r.Name, r.Status, rules.Of(r.Kind, r.LastVerifiedAt, r.CreatedAt)))], total);
    }
}
