using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>
/// The foundation's ledger services against the seeded sample: recording takes its row locks and reads both members
/// (it once failed on every call: entities cannot be materialised from the locking SQL), and many members' balances
/// come back in one query (it once failed on column names). Both are what the broker's pages call on every view.
/// </summary>
public sealed class LedgerServicesRegressionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exchange_is_recorded_once_per_key_and_balances_of_many_members_follow_the_ledger()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var recorder = scope.ServiceProvider.GetRequiredService<ExchangeRecorder>();
        var members = await db.TimeBankMembers.AsNoTracking().Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.MemberRef).Take(2).ToListAsync(Ct);
        Assert.Equal(2, members.Count);
        var (giver, receiver) = (members[0], members[1]);
        var before = await LedgerQueries.BalancesAsync(db, [giver.Id, receiver.Id], Ct);
        Assert.Equal(before[giver.Id], await LedgerQueries.BalanceAsync(db, giver.Id, Ct));

        var who = new EditContext("regression", AuditSource.Api, "test");
        var request = new ExchangeRequest(giver.Id, receiver.Id, Hours.Parse("0.75"), new DateOnly(2026, 1, 5), "gardening", "Pruned roses");
        var first = await recorder.RecordAsync(request, "regression-key-1", who, Ct);
        var again = await recorder.RecordAsync(request, "regression-key-1", who, Ct);

        Assert.Equal(LedgerOutcome.Kind.Recorded, first.Status);
        Assert.Equal(LedgerOutcome.Kind.Replayed, again.Status);
        Assert.Equal(first.Exchange!.Id, again.Exchange!.Id);
        var after = await LedgerQueries.BalancesAsync(db, [giver.Id, receiver.Id, Guid.NewGuid()], Ct);
        Assert.Equal(3, after.Count);
        Assert.Equal(before[giver.Id] + Hours.Parse("0.75"), after[giver.Id]);
        Assert.Equal(before[receiver.Id] - Hours.Parse("0.75"), after[receiver.Id]);
        Assert.Equal(Hours.Zero, await LedgerQueries.TotalAsync(db, Ct));

        var reversal = await recorder.ReverseAsync(first.Exchange.Id, "Recorded by a test", who, Ct);
        Assert.Equal(LedgerOutcome.Kind.Recorded, reversal.Status);
        Assert.Equal(LedgerOutcome.Kind.Conflict, (await recorder.ReverseAsync(first.Exchange.Id, "Twice", who, Ct)).Status);
        Assert.Equal(before, await LedgerQueries.BalancesAsync(db, [giver.Id, receiver.Id], Ct));
    }
}
