using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>Reads exchanges with both members named and the reversal links both ways.</summary>
internal static class ExchangeQueries
{
    public const string BasePath = "/api/v1/timebank/exchanges/";

    /// <summary>The list's filters, checked: a member's exchanges (either side), a date range (inclusive), the page.</summary>
    public sealed record Filter(Guid? Member, DateOnly? From, DateOnly? To, int Page, int PageSize);

    public static async Task<ExchangeResponse?> GetAsync(AssetMapDbContext db, Guid id, CancellationToken ct) =>
        (await Query(db, db.TimeBankExchanges.Where(e => e.Id == id)).ToListAsync(ct)).Select(Response).SingleOrDefault();

    public static async Task<(List<ExchangeResponse> Items, int Total)> ListAsync(AssetMapDbContext db, Filter filter, CancellationToken ct)
    {
        var exchanges = db.TimeBankExchanges.AsQueryable();
        if (filter.Member is { } member)
        {
            exchanges = exchanges.Where(e => e.GiverId == member || e.ReceiverId == member);
        }

        if (filter.From is { } from)
        {
            exchanges = exchanges.Where(e => e.OccurredOn >= from);
        }

        if (filter.To is { } to)
        {
            exchanges = exchanges.Where(e => e.OccurredOn <= to);
        }

        var total = await exchanges.CountAsync(ct);
        var page = exchanges.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize);
        var rows = await Query(db, page).ToListAsync(ct);
        return ([.. rows.Select(Response)], total);
    }

    private static IQueryable<Row> Query(AssetMapDbContext db, IQueryable<Domain.TimeBank.TimeBankExchange> exchanges) =>
        from e in exchanges.AsNoTracking()
        join g in db.TimeBankMembers on e.GiverId equals g.Id
        join r in db.TimeBankMembers on e.ReceiverId equals r.Id
        orderby e.OccurredOn descending, e.RecordedAt descending, e.Id descending
        select new Row(
            e.Id, g.Id, g.MemberRef, g.DisplayName, r.Id, r.MemberRef, r.DisplayName, e.Hours, e.OccurredOn, e.CategorySlug,
            e.Description, e.RecordedAt, e.RecordedBy, e.ReversesId,
            db.TimeBankExchanges.Where(x => x.ReversesId == e.Id).Select(x => (Guid?)x.Id).FirstOrDefault());

    private static ExchangeResponse Response(Row r) => new(
        r.Id,
        new ExchangeParty(r.GiverId, r.GiverRef, r.GiverName, MemberQueries.BasePath + r.GiverId),
        new ExchangeParty(r.ReceiverId, r.ReceiverRef, r.ReceiverName, MemberQueries.BasePath + r.ReceiverId),
        r.Hours.Value,
        r.OccurredOn,
        r.Category,
        r.Description,
        r.RecordedAt,
        r.RecordedBy,
        r.Reverses is not null,
        r.Reverses is { } reverses ? new ExchangeLink(reverses, BasePath + reverses) : null,
        r.ReversedBy is { } reversedBy ? new ExchangeLink(reversedBy, BasePath + reversedBy) : null,
        BasePath + r.Id);

    private sealed record Row(
        Guid Id, Guid GiverId, string GiverRef, string GiverName, Guid ReceiverId, string ReceiverRef, string ReceiverName, Domain.TimeBank.Hours Hours,
        DateOnly OccurredOn, string? Category, string? Description, DateTimeOffset RecordedAt, string RecordedBy, Guid? Reverses, Guid? ReversedBy);
}
