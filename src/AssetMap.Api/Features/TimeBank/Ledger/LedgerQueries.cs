using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>Balances and statements, always derived from the entries: nothing stores a balance that could drift.</summary>
internal static class LedgerQueries
{
    /// <summary>A member's balance: the sum of their entries.</summary>
    public static async Task<Hours> BalanceAsync(AssetMapDbContext db, Guid memberId, CancellationToken ct) =>
        new(await db.Database
            .SqlQuery<int>($"SELECT COALESCE(sum(quarter_hours), 0)::int AS \"Value\" FROM time_bank_entries WHERE member_id = {memberId}")
            .SingleAsync(ct));

    /// <summary>Balances of many members at once (members with no entries get zero).</summary>
    public static async Task<Dictionary<Guid, Hours>> BalancesAsync(AssetMapDbContext db, IReadOnlyCollection<Guid> memberIds, CancellationToken ct)
    {
        // Column names follow the model's snake_case naming convention, which SqlQuery applies to MemberSum too.
        var ids = memberIds.ToArray();
        // Column names follow the context's snake_case convention, which SqlQuery applies to MemberSum's properties too.
        var sums = await db.Database
            // Unmapped result types follow the model's snake_case column naming: MemberId is read from member_id.
            .SqlQuery<MemberSum>($"SELECT member_id, sum(quarter_hours)::int AS quarters FROM time_bank_entries WHERE member_id = ANY({ids}) GROUP BY member_id")
            .ToDictionaryAsync(s => s.MemberId, s => new Hours(s.Quarters), ct);
        return ids.Distinct().ToDictionary(id => id, id => sums.GetValueOrDefault(id, Hours.Zero));
    }

    /// <summary>The sum of every entry in the ledger; zero unless hours were created or lost.</summary>
    public static async Task<Hours> TotalAsync(AssetMapDbContext db, CancellationToken ct) =>
        new(await db.Database.SqlQuery<int>($"SELECT COALESCE(sum(quarter_hours), 0)::int AS \"Value\" FROM time_bank_entries").SingleAsync(ct));

    /// <summary>The member's statement from <paramref name="from"/> to <paramref name="to"/> inclusive; null when no such member.</summary>
    public static async Task<Statement?> StatementAsync(AssetMapDbContext db, Guid memberId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var member = await db.TimeBankMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
        {
            return null;
        }

        var opening = new Hours(await db.Database
            .SqlQuery<int>($"SELECT COALESCE(sum(quarter_hours), 0)::int AS \"Value\" FROM time_bank_entries WHERE member_id = {memberId} AND posted_on < {from}")
            .SingleAsync(ct));
        var (first, last) = (from, to);
        var rows = await (
                from entry in db.TimeBankEntries
                where entry.MemberId == memberId && entry.PostedOn >= first && entry.PostedOn <= last
                join exchange in db.TimeBankExchanges on entry.ExchangeId equals exchange.Id
                join other in db.TimeBankMembers on (exchange.GiverId == memberId ? exchange.ReceiverId : exchange.GiverId) equals other.Id
                orderby entry.PostedOn, entry.Id
                select new
                {
                    entry.PostedOn,
                    entry.ExchangeId,
                    CounterpartyId = other.Id,
                    CounterpartyName = other.DisplayName,
                    exchange.CategorySlug,
                    exchange.Description,
                    entry.Amount,
                    exchange.ReversesId,
                    ReversedBy = db.TimeBankExchanges.Where(r => r.ReversesId == exchange.Id).Select(r => (Guid?)r.Id).FirstOrDefault(),
                    exchange.RecordedAt,
                    exchange.RecordedBy,
                })
            .AsNoTracking()
            .ToListAsync(ct);

        var balance = opening;
        var lines = new List<StatementLine>(rows.Count);
        foreach (var row in rows)
        {
            balance += row.Amount;
            lines.Add(new StatementLine(row.PostedOn, row.ExchangeId, row.CounterpartyId, row.CounterpartyName, row.CategorySlug,
                row.Description, row.Amount, balance, row.ReversesId, row.ReversedBy, row.RecordedAt, row.RecordedBy));
        }

        return new Statement(member, from, to, opening, lines, balance);
    }

    private sealed record MemberSum(Guid MemberId, int Quarters);
}
