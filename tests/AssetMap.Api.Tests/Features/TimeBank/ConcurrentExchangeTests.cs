using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssetMap.Api.Tests.Features.TimeBank.TimeBankRequests;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>
/// 1,000 exchanges posted concurrently through the real HTTP pipeline against real PostGIS, among a few members (so
/// they contend for the same row locks), with retries under the same key, reused keys with other bodies and many
/// receivers pushed against the credit limit: the ledger must hold exactly the accepted ones and stay consistent.
/// </summary>
public sealed class ConcurrentExchangeTests(ApiFactory api) : TimeBankTests(api), IClassFixture<ApiFactory>
{
    private const int Requests = 1000;
    private const int InFlight = 24;
    private const decimal CreditLimit = 10m;

    // Its own account, so its thousand requests have their own rate-limit budget.
    private static readonly string Token = TestTokens.For("jo-load", Roles.Broker);

    private sealed record Planned(int Index, string Key, Guid Giver, Guid Receiver, decimal Hours, string Kind);

    private sealed record Answer(Planned Request, HttpStatusCode Status, Guid? Id, bool Replayed, string? Field);

    [Fact]
    public async Task A_thousand_concurrent_exchanges_lose_nothing_duplicate_nothing_and_respect_the_credit_limit()
    {
        var client = Api.CreateClient();
        var members = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            members.Add((await client.CreateMemberAsync($"Load{(char)('A' + i)}")).Id());
        }

        var plan = Plan(members);
        var answers = new ConcurrentBag<Answer>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = TestContext.Current.CancellationToken }, async (p, _) =>
        {
            using var response = await client.SendAsync(HttpMethod.Post, $"{TimeBankRequests.Api}/exchanges",
                Exchange(p.Giver, p.Receiver, p.Hours, new DateOnly(2026, 11, 1), description: $"Load test {p.Key}"), token: Token, idempotencyKey: p.Key);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            answers.Add(new Answer(p, response.StatusCode,
                response.StatusCode == HttpStatusCode.Created ? body.Id() : null,
                response.Headers.Contains(ExchangeReplayedHeader),
                body.TryGetProperty("field", out var field) ? field.GetString() : null));
        });
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"[TB] {Requests} exchanges, {InFlight} in flight: {clock.Elapsed.TotalSeconds:0.0} s; "
            + string.Join(", ", answers.GroupBy(a => (a.Status, a.Replayed)).OrderBy(g => g.Key).Select(g => $"{(int)g.Key.Status}{(g.Key.Replayed ? " replayed" : "")}: {g.Count()}")));

        // Every answer is one the API documents; never a 5xx.
        var all = answers.ToList();
        Assert.Equal(Requests, all.Count);
        Assert.All(all, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var accepted = all.Where(a => a.Status == HttpStatusCode.Created).ToList();
        var firsts = accepted.Where(a => !a.Replayed).ToList();
        var ids = accepted.Select(a => a.Id!.Value).ToHashSet();

        // The test exercised what it claims to: replays, reused-key conflicts and the credit limit all happened.
        Assert.True(accepted.Count(a => a.Replayed) >= 20, $"{accepted.Count(a => a.Replayed)} replays");
        Assert.True(all.Count(a => a.Status == HttpStatusCode.Conflict) >= 20, $"{all.Count(a => a.Status == HttpStatusCode.Conflict)} conflicts");
        Assert.True(all.Count(a => a.Status == HttpStatusCode.UnprocessableEntity) >= 20, $"{all.Count(a => a.Status == HttpStatusCode.UnprocessableEntity)} refusals");
        Assert.True(firsts.Count >= 300, $"{firsts.Count} recorded");
        Assert.All(all.Where(a => a.Status == HttpStatusCode.UnprocessableEntity), a => Assert.Equal("hours", a.Field));
        Assert.All(all.Where(a => a.Status == HttpStatusCode.Conflict), a => Assert.Equal("Idempotency-Key", a.Field));

        // One exchange per key at most, each recorded by exactly one answer; replays name that exchange.
        Assert.Equal(ids.Count, firsts.Count);
        Assert.All(accepted.GroupBy(a => a.Request.Key), g => Assert.Single(g.Select(a => a.Id).Distinct()));

        // The ledger holds exactly the accepted exchanges, each with the body of an accepted request under its key.
        var stored = await StoredAsync(members);
        Assert.Equal(ids.Order(), stored.Keys.Order());
        foreach (var (id, exchange) in stored)
        {
            var answer = accepted.First(a => a.Id == id);
            Assert.Equal(answer.Request.Key, exchange.Key);
            Assert.Contains(accepted, a => a.Id == id && a.Request.Giver == exchange.Giver && a.Request.Receiver == exchange.Receiver && a.Request.Hours == exchange.Hours);
        }

        // A conflict is only ever a different body under a key that holds another exchange.
        foreach (var conflict in all.Where(a => a.Status == HttpStatusCode.Conflict))
        {
            var holder = stored.Values.Single(s => s.Key == conflict.Request.Key);
            Assert.False(holder.Giver == conflict.Request.Giver && holder.Receiver == conflict.Request.Receiver && holder.Hours == conflict.Request.Hours);
        }

        // Balances: zero-sum among these members, equal to their statements, never past the limit at any point.
        var balances = new Dictionary<Guid, decimal>();
        foreach (var member in members)
        {
            balances[member] = await client.BalanceAsync(member);
            var statement = await (await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{member}/statement?from=2026-01-01")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(balances[member], statement.GetProperty("closingBalance").GetDecimal());
            Assert.True(balances[member] >= -CreditLimit, $"{member} at {balances[member]}");
        }

        Assert.Equal(0m, balances.Values.Sum());
        Assert.Contains(balances.Values, b => b == -CreditLimit || b < -CreditLimit + 1);
        await AssertRunningBalancesWithinLimitAsync(members);
    }

    private const string ExchangeReplayedHeader = "Idempotent-Replayed";

    // 820 fresh exchanges (receivers skewed to two members so they hit the limit), 100 retries of them with the same
    // key and body, 80 reuses of their keys with another number of hours; then shuffled, so a retry may even go first.
    private static List<Planned> Plan(List<Guid> members)
    {
        var random = new Random(14);
        var fresh = new List<Planned>();
        for (var i = 0; i < 820; i++)
        {
            var receiver = random.NextDouble() < 0.5 ? members[random.Next(2)] : members[random.Next(members.Count)];
            Guid giver;
            do
            {
                giver = members[random.Next(members.Count)];
            }
            while (giver == receiver);
            fresh.Add(new Planned(i, $"load-{i}-{Guid.NewGuid():N}", giver, receiver, random.Next(1, 13) / 4m, "fresh"));
        }

        var plan = new List<Planned>(fresh);
        for (var i = 0; i < 100; i++)
        {
            plan.Add(fresh[random.Next(fresh.Count)] with { Index = plan.Count, Kind = "retry" });
        }

        for (var i = 0; i < 80; i++)
        {
            var original = fresh[random.Next(fresh.Count)];
            plan.Add(original with { Index = plan.Count, Hours = original.Hours == 3 ? 0.5m : original.Hours + 0.25m, Kind = "reused" });
        }

        Assert.Equal(Requests, plan.Count);
        return [.. plan.OrderBy(_ => random.Next())];
    }

    private sealed record Stored(string Key, Guid Giver, Guid Receiver, decimal Hours);

    private async Task<Dictionary<Guid, Stored>> StoredAsync(List<Guid> members)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var rows = await db.TimeBankExchanges.AsNoTracking()
            .Where(e => members.Contains(e.GiverId) || members.Contains(e.ReceiverId))
            .Select(e => new { e.Id, e.IdempotencyKey, e.GiverId, e.ReceiverId, e.Hours })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(rows);
        return rows.ToDictionary(r => r.Id, r => new Stored(r.IdempotencyKey!, r.GiverId, r.ReceiverId, r.Hours.Value));
    }

    // Entries of one member are written while that member's row is locked, so their ids are in commit order: the
    // balance after each must never have gone past the limit.
    private async Task AssertRunningBalancesWithinLimitAsync(List<Guid> members)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var entries = await db.TimeBankEntries.AsNoTracking().Where(e => members.Contains(e.MemberId))
            .OrderBy(e => e.Id).Select(e => new { e.MemberId, e.Amount }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(entries);
        var running = members.ToDictionary(m => m, _ => 0m);
        foreach (var entry in entries)
        {
            running[entry.MemberId] += entry.Amount.Value;
            Assert.True(running[entry.MemberId] >= -CreditLimit, $"{entry.MemberId} reached {running[entry.MemberId]}");
        }
    }
}
