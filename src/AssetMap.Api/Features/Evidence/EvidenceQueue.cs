using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Evidence;

/// <summary>A micro-enterprise with evidence expired or expiring within the window.</summary>
internal sealed record EvidenceDueEntry(Guid Id, string Slug, string Name, AssetStatus Status, IReadOnlyList<EvidenceItem> Evidence, DateOnly FirstExpiry);

/// <summary>
/// Micro-enterprises whose DBS check, insurance or CQC confirmation has expired or expires within a window, soonest
/// (most expired) first. SQL narrows to the records with a date inside the window (each rule turned into a cut-off
/// date, so the date columns are compared as they are); <see cref="EvidenceRules"/> then flags them the way every
/// other surface does. Archived records are left out.
/// </summary>
internal sealed class EvidenceQueue(AssetMapDbContext db, IOptions<EvidenceOptions> options, EvidenceRules rules, TimeProvider clock)
{
    public async Task<(List<EvidenceDueEntry> Items, int Total)> DueAsync(int withinDays, int page, int pageSize, CancellationToken ct)
    {
        var o = options.Value;
        var until = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(withinDays);
        var dbsCutOff = until.AddMonths(-o.DbsValidMonths);
        var cqcCutOff = until.AddMonths(-o.CqcValidMonths);
        var rows = await db.MicroEnterprises.AsNoTracking()
            .Where(m => m.Status != AssetStatus.Archived)
            .Where(m => m.InsuranceExpiresOn <= until || m.DbsCheckedOn <= dbsCutOff || (m.CqcRegistration != null && m.CqcCheckedOn <= cqcCutOff))
            .Select(m => new { m.Id, m.Slug, m.Name, m.Status, m.DbsCheckedOn, m.InsuranceExpiresOn, m.CqcRegistration, m.CqcCheckedOn })
            .ToListAsync(ct);
        var entries = rows
            .Select(r =>
            {
                var items = rules.Of(r.DbsCheckedOn, r.InsuranceExpiresOn, r.CqcRegistration, r.CqcCheckedOn, withinDays);
                var first = items.Where(i => i.State is EvidenceState.Expired or EvidenceState.ExpiringSoon).Min(i => i.ExpiresOn!.Value);
                return new EvidenceDueEntry(r.Id, r.Slug, r.Name, r.Status, items, first);
            })
            .OrderBy(e => e.FirstExpiry).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)
            .ToList();
        return ([.. entries.Skip((page - 1) * pageSize).Take(pageSize)], entries.Count);
    }
}
