using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Web;

/// <summary>A top-level category and its subcategories, for skill checkboxes and category selects grouped by parent.</summary>
internal sealed record CategoryGroup(string Slug, string Name, IReadOnlyList<(string Slug, string Name)> Children);

/// <summary>A member as a choice in a select: reference and name, e.g. "TB-004 Tom N.".</summary>
internal sealed record MemberChoice(Guid Id, string MemberRef, string DisplayName, MemberStatus Status)
{
    public string Label => $"{MemberRef} {DisplayName}";
}

/// <summary>What the broker's forms offer: the taxonomy (grouped by parent) and the members who can take part.</summary>
internal static class TimeBankChoices
{
    public static async Task<IReadOnlyList<CategoryGroup>> CategoriesAsync(AssetMapDbContext db, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Slug, c.Name, c.ParentId }).ToListAsync(ct);
        return [.. all.Where(c => c.ParentId is null).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(p => new CategoryGroup(p.Slug, p.Name, [.. all.Where(c => c.ParentId == p.Id).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Slug, c.Name))]))];
    }

    /// <summary>Slug → name for every category (skills are stored as slugs and shown as names).</summary>
    public static async Task<Dictionary<string, string>> CategoryNamesAsync(AssetMapDbContext db, CancellationToken ct) =>
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Name, StringComparer.Ordinal, ct);

    /// <summary>Members who have not left, by reference: givers may be deactivated, receivers must be active.</summary>
    public static async Task<IReadOnlyList<MemberChoice>> MembersAsync(AssetMapDbContext db, CancellationToken ct) =>
        await db.TimeBankMembers.AsNoTracking().Where(m => m.Status != MemberStatus.Left).OrderBy(m => m.MemberRef)
            .Select(m => new MemberChoice(m.Id, m.MemberRef, m.DisplayName, m.Status)).ToListAsync(ct);
}
