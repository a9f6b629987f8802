using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>Reads members for the broker: one with its balance, or a page of a search with each one's balance.</summary>
internal static class MemberQueries
{
    public const string BasePath = "/api/v1/timebank/members/";

    /// <summary>The broker's filters, checked.</summary>
    public sealed record Filter(string? Text, string? Skill, MemberStatus? Status, int Page, int PageSize);

    public static Filter Parse(string? q, string? skill, string? status, int? page, int? pageSize, ParameterErrors errors)
    {
        MemberStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<MemberStatus>(status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !char.IsDigit(status.Trim()[0]))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add("status", "status is one of active, deactivated, left.");
            }
        }

        if (q?.Length > 200)
        {
            errors.Add("q", "q is at most 200 characters.");
        }

        if (skill?.Length > 200)
        {
            errors.Add("skill", "skill is a category slug, at most 200 characters.");
        }

        var (p, size) = TimeBankHttp.Paging(page, pageSize, errors);
        return new Filter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), string.IsNullOrWhiteSpace(skill) ? null : skill.Trim().ToLowerInvariant(), parsedStatus, p, size);
    }

    /// <summary>Members matching the filter, by reference, with their balances.</summary>
    public static async Task<(List<TimeBankMemberSummary> Items, int Total)> SearchAsync(AssetMapDbContext db, Filter filter, CancellationToken ct)
    {
        var query = db.TimeBankMembers.AsNoTracking();
        if (filter.Text is { } text)
        {
            // Words typed are text, never patterns: escape LIKE's wildcards.
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(m => EF.Functions.ILike(m.DisplayName, pattern, "\\") || EF.Functions.ILike(m.MemberRef, pattern, "\\")
                || (m.OfferDetails != null && EF.Functions.ILike(m.OfferDetails, pattern, "\\")));
        }

        if (filter.Skill is { } skill)
        {
            query = query.Where(m => m.SkillsOffered.Contains(skill));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        var total = await query.CountAsync(ct);
        var members = await query.OrderBy(m => m.MemberRef).ThenBy(m => m.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .ToListAsync(ct);
        var balances = await LedgerQueries.BalancesAsync(db, [.. members.Select(m => m.Id)], ct);
        return ([.. members.Select(m => new TimeBankMemberSummary(m.Id, m.MemberRef, m.DisplayName, m.Status, m.PostcodeSector,
            m.SkillsOffered, m.SkillsWanted, balances[m.Id].Value, BasePath + m.Id))], total);
    }

    /// <summary>One member with the bank's slug and the balance.</summary>
    public static async Task<TimeBankMemberResponse?> GetAsync(AssetMapDbContext db, Guid id, CancellationToken ct)
    {
        var member = await db.TimeBankMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return member is null ? null : await ResponseAsync(db, member, ct);
    }

    /// <summary>The response for a member just read or saved.</summary>
    public static async Task<TimeBankMemberResponse> ResponseAsync(AssetMapDbContext db, TimeBankMember m, CancellationToken ct)
    {
        var bank = await db.TimeBanks.AsNoTracking().Where(b => b.Id == m.TimeBankId).Select(b => b.Slug).SingleAsync(ct);
        var balance = await LedgerQueries.BalanceAsync(db, m.Id, ct);
        return new TimeBankMemberResponse(m.Id, m.MemberRef, bank, m.FirstName, m.LastInitial, m.DisplayName, m.PostcodeSector,
            m.SkillsOffered, m.SkillsWanted, m.OfferDetails, m.Availability, m.ContactPreference, m.ContactDetails, m.Status,
            m.JoinedOn, m.LeftOn, balance.Value, m.Version, BasePath + m.Id);
    }
}
