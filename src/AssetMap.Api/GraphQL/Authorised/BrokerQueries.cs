using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Near;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.GraphQL.Authorised;

/// <summary>The broker-only reads of the signed-in schema: members with balances, and the ledger's exchanges.</summary>
internal static class BrokerQueries
{
    public static async Task<object?> MembersAsync(IResolveConnectionContext ctx)
    {
        var (offset, size) = Paging(ctx);
        var db = ctx.RequestServices!.GetRequiredService<AssetMapDbContext>();
        var members = db.TimeBankMembers.AsNoTracking();
        if (ctx.GetArgument<string?>("text") is { Length: > 0 } text)
        {
            var pattern = "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            members = members.Where(m => EF.Functions.ILike(m.DisplayName, pattern) || EF.Functions.ILike(m.MemberRef, pattern));
        }

        if (ctx.GetArgument<string?>("skill") is { Length: > 0 } skill)
        {
            var slug = skill.Trim().ToLowerInvariant();
            members = members.Where(m => m.SkillsOffered.Any(s => s == slug));
        }

        if (ctx.GetArgument<string?>("status") is { Length: > 0 } statusText)
        {
            if (!Enum.TryParse<MemberStatus>(statusText, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _))
            {
                var errors = new ParameterErrors();
                errors.Add("status", "status is active, deactivated or left.");
                throw AssetConnections.BadUserInput(errors);
            }

            members = members.Where(m => m.Status == status);
        }

        var total = await members.CountAsync(ctx.CancellationToken);
        var page = await members.OrderBy(m => m.MemberRef).ThenBy(m => m.Id).Skip(offset).Take(size).ToListAsync(ctx.CancellationToken);
        var balances = await LedgerQueries.BalancesAsync(db, [.. page.Select(m => m.Id)], ctx.CancellationToken);
        return Page(page.Select(m => new BrokerMember(m, balances.GetValueOrDefault(m.Id, Hours.Zero))).ToList(), offset, total);
    }

    public static async Task<object?> ExchangesAsync(IResolveConnectionContext ctx)
    {
        var (offset, size) = Paging(ctx);
        var db = ctx.RequestServices!.GetRequiredService<AssetMapDbContext>();
        var exchanges = db.TimeBankExchanges.AsNoTracking();
        if (ctx.GetArgument<string?>("member") is { } member)
        {
            if (!Guid.TryParse(member, out var memberId))
            {
                var errors = new ParameterErrors();
                errors.Add("member", "member is a member's UUID.");
                throw AssetConnections.BadUserInput(errors);
            }

            exchanges = exchanges.Where(e => e.GiverId == memberId || e.ReceiverId == memberId);
        }

        var total = await exchanges.CountAsync(ctx.CancellationToken);
        var page = await exchanges.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt).ThenBy(e => e.Id)
            .Skip(offset).Take(size).ToListAsync(ctx.CancellationToken);
        var ids = page.SelectMany(e => new[] { e.GiverId, e.ReceiverId }).Distinct().ToList();
        var names = await db.TimeBankMembers.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new MemberName(m.Id, m.MemberRef, m.DisplayName), ctx.CancellationToken);
        return Page(page.Select(e => new BrokerExchange(e, names[e.GiverId], names[e.ReceiverId])).ToList(), offset, total);
    }

    private static (int Offset, int Size) Paging(IResolveConnectionContext ctx)
    {
        var errors = new ParameterErrors();
        var offset = ctx.After is { } after ? AuthorisedQueryType.OffsetOf(after, errors) : 0;
        var size = ctx.First ?? MembersNearQuery.DefaultPageSize;
        if (size is < 1 or > MembersNearQuery.MaxPageSize)
        {
            errors.Add("first", $"first must be between 1 and {MembersNearQuery.MaxPageSize}.");
        }

        return errors.Any ? throw AssetConnections.BadUserInput(errors) : (offset, size);
    }

    private static Connection<T> Page<T>(List<T> items, int offset, int total)
    {
        var edges = items.Select((item, i) => new Edge<T> { Cursor = AuthorisedQueryType.CursorOf(offset + i), Node = item }).ToList();
        return new Connection<T>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = offset + edges.Count < total,
                HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
