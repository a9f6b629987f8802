using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssetMap.Api.Tests.Features.TimeBank.TimeBankRequests;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Recording, idempotency, the ledger's rules, listing, reversals and history, through the real pipeline.</summary>
public sealed class ExchangeApiTests(ApiFactory api) : TimeBankTests(api), IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_exchange_is_201_with_a_location_credits_the_giver_debits_the_receiver_and_records_who_when_and_from_where()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Ash"), await client.CreateMemberAsync("Birch"));
        var before = DateTimeOffset.UtcNow;

        var response = await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 1.5m, description: "Mowed the lawn"));

        var exchange = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal($"{TimeBankRequests.Api}/exchanges/{exchange.Id()}", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1.5m, exchange.GetProperty("hours").GetDecimal());
        Assert.Equal(giver.Id(), exchange.GetProperty("giver").Id());
        Assert.Equal(receiver.Str("memberRef"), exchange.GetProperty("receiver").Str("memberRef"));
        Assert.Equal("gardening", exchange.Str("category"));
        Assert.Equal("jo", exchange.Str("recordedBy"));
        Assert.False(exchange.GetProperty("isReversal").GetBoolean());
        Assert.Equal(1.5m, await client.BalanceAsync(giver.Id()));
        Assert.Equal(-1.5m, await client.BalanceAsync(receiver.Id()));

        var history = await (await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{giver.Id()}/history")).ExpectAsync(HttpStatusCode.OK);
        var recorded = Assert.Single(history.EnumerateArray(), e => e.Str("entityType") == "time-bank-exchange");
        Assert.Equal(exchange.Id(), recorded.GetProperty("entityId").GetGuid());
        Assert.Equal("recorded", recorded.Str("action"));
        Assert.Equal("jo", recorded.Str("actor"));
        Assert.Equal("api", recorded.Str("source"));
        Assert.Equal("POST /api/v1/timebank/exchanges", recorded.Str("sourceDetail"));
        var at = recorded.GetProperty("occurredAt").GetDateTimeOffset();
        Assert.InRange(at, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        var changes = recorded.GetProperty("changes").EnumerateArray().ToDictionary(c => c.Str("field"), c => c.TryGetProperty("after", out var after) ? after.GetString() : null);
        Assert.Equal(giver.Str("memberRef"), changes["giver"]);
        Assert.Equal(receiver.Str("memberRef"), changes["receiver"]);
        Assert.Equal("1.5", changes["hours"]);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_replays_the_first_answer_and_records_nothing_and_a_different_body_is_409()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Cedar"), await client.CreateMemberAsync("Damson"));
        var key = Guid.NewGuid().ToString();
        var body = Exchange(giver.Id(), receiver.Id(), 2);

        var first = await client.RecordAsync(body, key);
        var firstBody = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var retry = await client.RecordAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(2m, await client.BalanceAsync(giver.Id()));
        Assert.Equal(1, await ExchangesWithKeyAsync(key));

        var changed = await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 3), key);
        var conflict = await ProblemAssert.IsProblemAsync(changed, HttpStatusCode.Conflict);
        Assert.Equal("Idempotency-Key", conflict.Str("field"));
        Assert.Equal(2m, await client.BalanceAsync(giver.Id()));

        var noKey = await client.SendAsync(HttpMethod.Post, $"{TimeBankRequests.Api}/exchanges", body);
        Assert.Equal("Idempotency-Key", (await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.BadRequest)).Str("field"));
        var longKey = await client.RecordAsync(body, new string('k', 201));
        Assert.Equal("Idempotency-Key", (await ProblemAssert.IsProblemAsync(longKey, HttpStatusCode.BadRequest)).Str("field"));
        Assert.Equal(2m, await client.BalanceAsync(giver.Id()));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_key_record_once_and_all_get_the_first_answer_even_at_the_credit_limit()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Clove"), await client.CreateMemberAsync("Dill"));
        (await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 9.75m))).EnsureSuccessStatusCode();
        var key = Guid.NewGuid().ToString();

        // The last quarter-hour the receiver may take, sent eight times at once: a retry that waited for the first
        // request's locks must be answered with its result, not judged afresh against the balance it just used up.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 0.25m), key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(7, answers.Count(a => a.Headers.Contains("Idempotent-Replayed")));
        Assert.Single(answers.Select(a => a.Headers.Location).Distinct());
        Assert.Equal(1, await ExchangesWithKeyAsync(key));
        Assert.Equal(-10m, await client.BalanceAsync(receiver.Id()));
    }

    [Fact]
    public async Task The_ledgers_rules_are_422_naming_the_field_and_unreadable_bodies_400()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Elder"), await client.CreateMemberAsync("Fennel"));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        async Task<string> FieldOf(object body, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
            (await ProblemAssert.IsProblemAsync(await client.RecordAsync(body), status)).Str("field");

        Assert.Equal("hours", await FieldOf(Exchange(giver.Id(), receiver.Id(), 1.3m)));
        Assert.Equal("hours", await FieldOf(Exchange(giver.Id(), receiver.Id(), 0)));
        Assert.Equal("hours", await FieldOf(Exchange(giver.Id(), receiver.Id(), 0.2m)));
        Assert.Equal("hours", await FieldOf(Exchange(giver.Id(), receiver.Id(), 24.25m)));
        Assert.Equal("hours", await FieldOf(Exchange(giver.Id(), receiver.Id(), -1)));
        Assert.Equal("hours", await FieldOf($$"""{"giverId":"{{giver.Id()}}","receiverId":"{{receiver.Id()}}","hours":1e30,"occurredOn":"2026-01-01"}""", HttpStatusCode.BadRequest));
        Assert.Equal("hours", await FieldOf($$"""{"giverId":"{{giver.Id()}}","receiverId":"{{receiver.Id()}}","hours":"two","occurredOn":"2026-01-01"}""", HttpStatusCode.BadRequest));
        Assert.Equal("occurredOn", await FieldOf(Exchange(giver.Id(), receiver.Id(), 1, tomorrow)));
        Assert.Equal("occurredOn", await FieldOf($$"""{"giverId":"{{giver.Id()}}","receiverId":"{{receiver.Id()}}","hours":1,"occurredOn":"31/12/2025"}""", HttpStatusCode.BadRequest));
        Assert.Equal("receiverId", await FieldOf(Exchange(giver.Id(), giver.Id(), 1)));
        Assert.Equal("giverId", await FieldOf(Exchange(Guid.NewGuid(), receiver.Id(), 1)));
        Assert.Equal("receiverId", await FieldOf(Exchange(giver.Id(), Guid.NewGuid(), 1)));
        Assert.Equal("category", await FieldOf(Exchange(giver.Id(), receiver.Id(), 1, category: "juggling")));
        Assert.Equal("description", await FieldOf(Exchange(giver.Id(), receiver.Id(), 1, description: new string('x', 501))));
        Assert.Equal("giverId", await FieldOf("{}"));
        Assert.Equal("body", await FieldOf("{\"giverId\":", HttpStatusCode.BadRequest));
        Assert.Equal("hourz", await FieldOf("{\"hourz\": 1}", HttpStatusCode.BadRequest));
        Assert.Equal("giverId", await FieldOf("{\"giverId\": \"not-a-uuid\"}", HttpStatusCode.BadRequest));

        var missing = await ProblemAssert.IsProblemAsync(await client.RecordAsync("{}"), HttpStatusCode.UnprocessableEntity);
        var fields = missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "giverId", "receiverId", "hours", "occurredOn" }, fields);

        Assert.Equal(0m, await client.BalanceAsync(giver.Id()));
        Assert.Equal(0m, await client.BalanceAsync(receiver.Id()));
    }

    [Fact]
    public async Task The_credit_limit_stops_a_receiver_at_ten_hours_below_zero()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Gorse"), await client.CreateMemberAsync("Hazel"));

        (await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 6))).EnsureSuccessStatusCode();
        (await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 4))).EnsureSuccessStatusCode();
        var over = await ProblemAssert.IsProblemAsync(await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 0.25m)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("hours", over.Str("field"));
        Assert.Contains("credit limit", over.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(-10m, await client.BalanceAsync(receiver.Id()));
        // Giving brings the receiver back inside the limit.
        (await client.RecordAsync(Exchange(receiver.Id(), giver.Id(), 1))).EnsureSuccessStatusCode();
        (await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 1))).EnsureSuccessStatusCode();
        Assert.Equal(-10m, await client.BalanceAsync(receiver.Id()));
    }

    [Fact]
    public async Task Lists_filter_by_member_and_date_and_page_and_details_link_reversals_both_ways()
    {
        var client = Api.CreateClient();
        var (a, b, c) = (await client.CreateMemberAsync("Iris"), await client.CreateMemberAsync("Juniper"), await client.CreateMemberAsync("Kale"));
        var day = new DateOnly(2026, 6, 15);
        for (var i = 0; i < 5; i++)
        {
            (await client.RecordAsync(Exchange(a.Id(), b.Id(), 1, day.AddDays(i)))).EnsureSuccessStatusCode();
        }

        (await client.RecordAsync(Exchange(c.Id(), b.Id(), 1, day))).EnsureSuccessStatusCode();

        var ofA = await client.AllItemsAsync($"{TimeBankRequests.Api}/exchanges?member={a.Id()}&pageSize=2");
        Assert.Equal(5, ofA.Count);
        Assert.Equal(ofA.Select(e => e.Str("occurredOn")).OrderDescending(StringComparer.Ordinal), ofA.Select(e => e.Str("occurredOn")));
        var ofB = await client.AllItemsAsync($"{TimeBankRequests.Api}/exchanges?member={b.Id()}&from=2026-06-16&to=2026-06-18");
        Assert.Equal(3, ofB.Count);
        Assert.All(ofB, e => Assert.Equal(a.Id(), e.GetProperty("giver").Id()));

        var original = ofA[0];
        var reversal = await (await client.SendAsync(HttpMethod.Post, $"{original.Str("href")}/reversal", new { reason = "Recorded twice" })).ExpectAsync(HttpStatusCode.Created);
        var detail = await (await client.SendAsync(HttpMethod.Get, original.Str("href"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(reversal.Id(), detail.GetProperty("reversedBy").Id());
        Assert.Equal(original.Id(), reversal.GetProperty("reverses").Id());
        Assert.True(reversal.GetProperty("isReversal").GetBoolean());
        Assert.Equal("Recorded twice", reversal.Str("description"));

        foreach (var bad in BadListQueries)
        {
            var problem = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/exchanges?{bad}"), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(bad.Split('=')[^2].Split('&')[^1], out _), bad);
        }

        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/exchanges?member={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/exchanges/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reversal_restores_both_balances_once_and_cannot_itself_be_reversed()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Linden"), await client.CreateMemberAsync("Myrtle"));
        var exchange = await (await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 3))).ExpectAsync(HttpStatusCode.Created);
        var url = $"{exchange.Str("href")}/reversal";

        var missingReason = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, url, new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("reason", missingReason.Str("field"));
        var response = await client.SendAsync(HttpMethod.Post, url, new { reason = "Wrong member" });
        var reversal = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(reversal.Str("href"), response.Headers.Location?.OriginalString);
        Assert.Equal(0m, await client.BalanceAsync(giver.Id()));
        Assert.Equal(0m, await client.BalanceAsync(receiver.Id()));
        Assert.Equal(receiver.Id(), reversal.GetProperty("giver").Id());

        var again = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, url, new { reason = "Again" }), HttpStatusCode.Conflict);
        Assert.Equal("exchangeId", again.Str("field"));
        var ofReversal = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{reversal.Str("href")}/reversal", new { reason = "Undo" }), HttpStatusCode.Conflict);
        Assert.Equal("exchangeId", ofReversal.Str("field"));
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{TimeBankRequests.Api}/exchanges/{Guid.NewGuid()}/reversal", new { reason = "x" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, url, "{\"reason\": 5}"), HttpStatusCode.BadRequest);
        Assert.Equal(0m, await client.BalanceAsync(giver.Id()));

        var history = await (await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{receiver.Id()}/history")).ExpectAsync(HttpStatusCode.OK);
        var reversed = Assert.Single(history.EnumerateArray(), e => e.Str("action") == "reversed");
        Assert.Equal($"POST {new Uri(url, UriKind.Relative)}", reversed.Str("sourceDetail"));
        Assert.Equal("jo", reversed.Str("actor"));
    }

    [Fact]
    public async Task Concurrent_reversals_of_one_exchange_let_exactly_one_through()
    {
        var client = Api.CreateClient();
        var (giver, receiver) = (await client.CreateMemberAsync("Nettle"), await client.CreateMemberAsync("Olive"));
        for (var round = 0; round < 5; round++)
        {
            var exchange = await (await client.RecordAsync(Exchange(giver.Id(), receiver.Id(), 1))).ExpectAsync(HttpStatusCode.Created);
            var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                client.SendAsync(HttpMethod.Post, $"{exchange.Str("href")}/reversal", new { reason = $"Attempt {i}" })));
            var statuses = attempts.Select(r => (int)r.StatusCode).Order().ToList();
            Assert.Equal([201, 409, 409, 409], statuses);
        }

        Assert.Equal(0m, await client.BalanceAsync(giver.Id()));
        Assert.Equal(0m, await client.BalanceAsync(receiver.Id()));
        var exchanges = await client.AllItemsAsync($"{TimeBankRequests.Api}/exchanges?member={giver.Id()}&pageSize=100");
        Assert.Equal(10, exchanges.Count);
        Assert.Equal(5, exchanges.Count(e => e.GetProperty("isReversal").GetBoolean()));
    }

    private static readonly string[] BadListQueries = ["member=abc", "from=2026-13-01", "to=yesterday", "from=2026-06-20&to=2026-06-10", "page=0", "pageSize=101"];

    private async Task<int> ExchangesWithKeyAsync(string key)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        return await db.TimeBankExchanges.CountAsync(e => e.IdempotencyKey == key, TestContext.Current.CancellationToken);
    }
}
