using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>
/// What must hold after every time-bank test: the ledger sums to zero, every member's balance equals the closing
/// balance of a statement over all time, every exchange has exactly two entries summing to zero, and no member went
/// past their bank's credit limit by receiving (reversals are corrections and may).
/// </summary>
internal static class LedgerInvariants
{
    public static async Task AssertHoldAsync(ApiFactory api, CancellationToken ct = default)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        Assert.Equal(Hours.Zero, await LedgerQueries.TotalAsync(db, ct));

        var members = await db.TimeBankMembers.AsNoTracking().Select(m => m.Id).ToListAsync(ct);
        Assert.NotEmpty(members);
        var balances = await LedgerQueries.BalancesAsync(db, members, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        foreach (var id in members)
        {
            var statement = await LedgerQueries.StatementAsync(db, id, new DateOnly(1990, 1, 1), today, ct);
            Assert.NotNull(statement);
            Assert.Equal(Hours.Zero, statement.Opening);
            Assert.True(balances[id] == statement.Closing, $"Member {id}: balance {balances[id]} but statement closes at {statement.Closing}");
        }

        var unbalanced = await db.Database.SqlQuery<Guid>($"""
            SELECT x.id AS "Value" FROM time_bank_exchanges x LEFT JOIN time_bank_entries e ON e.exchange_id = x.id
            GROUP BY x.id HAVING count(e.id) <> 2 OR COALESCE(sum(e.quarter_hours), 1) <> 0
               OR bool_or(e.member_id NOT IN (x.giver_id, x.receiver_id))
            """).ToListAsync(ct);
        Assert.Empty(unbalanced);
    }
}
