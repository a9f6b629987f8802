using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using AssetMap.Api.Features.TimeBank.Ledger;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Web;

/// <summary>One row of the broker's member list.</summary>
internal sealed record MemberRow(Guid Id, string MemberRef, string DisplayName, string? PostcodeSector, IReadOnlyList<string> SkillsOffered, MemberStatus Status, Hours Balance);

/// <summary>The broker's member search: words (name, reference, the member's own words), a skill, a status, a page.</summary>
internal static class MemberList
{
    public const int PageSize = 20;

    /// <summary>Status filter values: "current" (active or deactivated, the default), one status, or "all".</summary>
    public static IReadOnlyList<(string Value, string Label)> Statuses { get; } =
        [("current", "Active or deactivated"), ("active", "Active"), ("deactivated", "Deactivated"), ("left", "Left"), ("all", "All")];

    public static async Task<(IReadOnlyList<MemberRow> Rows, int Total)> SearchAsync(
        AssetMapDbContext db, string? words, IReadOnlyList<string> skills, string status, int page, CancellationToken ct)
    {
        var query = db.TimeBankMembers.AsNoTracking();
        query = status switch
        {
            "active" => query.Where(m => m.Status == MemberStatus.Active),
            "deactivated" => query.Where(m => m.Status == MemberStatus.Deactivated),
            "left" => query.Where(m => m.Status == MemberStatus.Left),
            "all" => query,
            _ => query.Where(m => m.Status != MemberStatus.Left),
        };
        if (!string.IsNullOrWhiteSpace(words))
        {
            var pattern = "%" + words.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(m => EF.Functions.ILike(m.DisplayName, pattern) || EF.Functions.ILike(m.MemberRef, pattern)
                || (m.OfferDetails != null && EF.Functions.ILike(m.OfferDetails, pattern)));
        }

        if (skills.Count > 0)
        {
            // A parent category stands for itself and its subcategories; offered or wanted both count.
            var slugs = skills.ToArray();
            query = query.Where(m => m.SkillsOffered.Any(s => slugs.Contains(s)) || m.SkillsWanted.Any(s => slugs.Contains(s)));
        }

        var total = await query.CountAsync(ct);
        var members = await query.OrderBy(m => m.MemberRef).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.MemberRef, m.DisplayName, m.PostcodeSector, m.SkillsOffered, m.Status }).ToListAsync(ct);
        var balances = await LedgerQueries.BalancesAsync(db, [.. members.Select(m => m.Id)], ct);
        return ([.. members.Select(m => new MemberRow(m.Id, m.MemberRef, m.DisplayName, m.PostcodeSector, m.SkillsOffered, m.Status, balances[m.Id]))], total);
    }
}
