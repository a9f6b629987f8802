using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>
/// The database's own defence of the ledger, for writers that bypass the API (a script, a bad migration): entries
/// added to an existing exchange, or posted to someone not in the exchange, are refused at commit.
/// </summary>
public sealed class LedgerDefenceTests(ApiFactory api) : TimeBankTests(api), IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Entries_that_do_not_match_their_exchange_are_refused_at_commit_even_when_they_sum_to_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var exchange = await db.TimeBankExchanges.AsNoTracking().OrderBy(e => e.Id).FirstAsync(ct);
        var stranger = await db.TimeBankMembers.AsNoTracking()
            .Where(m => m.Id != exchange.GiverId && m.Id != exchange.ReceiverId).Select(m => m.Id).FirstAsync(ct);

        // A second credit and debit on an exchange already recorded: balanced, but hours from nowhere for both members.
        var extra = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"""
            INSERT INTO time_bank_entries (exchange_id, member_id, quarter_hours, posted_on)
            VALUES ({exchange.Id}, {exchange.GiverId}, 4, DATE '2026-01-01'), ({exchange.Id}, {exchange.ReceiverId}, -4, DATE '2026-01-01');
            """, ct));

        // A new exchange whose two entries cancel but credit someone who was not the giver.
        var id = Guid.CreateVersion7();
        var elsewhere = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"""
            INSERT INTO time_bank_exchanges (id, giver_id, receiver_id, quarter_hours, occurred_on, recorded_at, recorded_by)
            VALUES ({id}, {exchange.GiverId}, {exchange.ReceiverId}, 4, DATE '2026-01-01', now(), 'script');
            INSERT INTO time_bank_entries (exchange_id, member_id, quarter_hours, posted_on)
            VALUES ({id}, {stranger}, 4, DATE '2026-01-01'), ({id}, {exchange.ReceiverId}, -4, DATE '2026-01-01');
            """, ct));

        Assert.Equal(PostgresErrorCodes.CheckViolation, extra.SqlState);
        Assert.Equal(PostgresErrorCodes.CheckViolation, elsewhere.SqlState);
        Assert.False(await db.TimeBankExchanges.AnyAsync(e => e.Id == id, ct));
        Assert.Equal(2, await db.TimeBankEntries.CountAsync(e => e.ExchangeId == exchange.Id, ct));
    }
}
