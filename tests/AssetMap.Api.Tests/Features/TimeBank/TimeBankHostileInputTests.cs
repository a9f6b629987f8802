using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Tests.Features.Hostile;
using AssetMap.Api.Tests.Fuzz;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>
/// The anonymous fuzz suite only ever gets 401 from the time bank: this one signs in as a broker and sends hostile,
/// huge, mistyped and malformed values to every time-bank parameter, body member and header. No answer may be a 5xx,
/// every error must be a problem document, and the ledger must still add up afterwards.
/// </summary>
public sealed class TimeBankHostileInputTests(ApiFactory api) : TimeBankTests(api), IClassFixture<ApiFactory>
{
    private const string Base = TimeBankRequests.Api;

    [Fact]
    public async Task A_broker_sending_hostile_input_gets_problems_never_a_5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var (member, other, exchange) = await SampleAsync();
        var random = new Random(14);
        var requests = Enumerable.Range(0, 800).Select(_ => Next(random, member, other, exchange)).ToList();
        var client = Api.CreateClient();
        var bad = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (r, token) =>
        {
            using var message = new HttpRequestMessage(r.Method, r.Url);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TimeBankRequests.Broker);
            foreach (var (name, value) in r.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (r.Body is not null)
            {
                message.Content = new StringContent(r.Body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(message, token);
            var body = await response.Content.ReadAsStringAsync(token);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            foreach (var problem in HostileInput.Problems($"{r.Method} {r.Url} {string.Join(' ', r.Headers.Select(h => h.Name))} {r.Body?[..Math.Min(200, r.Body.Length)]}", response, body, graphql: false))
            {
                bad.Enqueue(problem);
            }
        });

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 4, "the requests should reach several kinds of refusal");
        Assert.True(bad.IsEmpty, $"{bad.Count} bad answers:\n{string.Join("\n", bad.Take(20))}");
    }

    private sealed record Request(HttpMethod Method, string Url, string? Body, (string Name, string Value)[] Headers);

    private static Request Next(Random random, Guid member, Guid other, Guid exchange)
    {
        string Value() => random.Next(4) switch
        {
            0 => random.Pick(FuzzValues.Nasty),
            1 => random.Pick(HostileInput.Texts),
            2 => FuzzValues.Text(random),
            _ => FuzzValues.Number(random),
        };
        string Query() => Uri.EscapeDataString(Value());

        // TestServer refuses a path that decodes to NUL (Kestrel answers 400 itself; ProductionOverHttpTests covers that).
        string Segment() => Uri.EscapeDataString(Value().Replace("\0", "", StringComparison.Ordinal)) is { Length: > 0 } s ? s : "x";
        string Json() => JsonSerializer.Serialize(Value());
        string JsonAny() => random.Next(5) switch
        {
            0 => Json(),
            1 => random.Pick(FuzzValues.Nasty) is var raw && raw.Length > 0 && !raw.Contains('"', StringComparison.Ordinal) ? raw : "1",
            2 => FuzzValues.Number(random),
            3 => "[" + Json() + "]",
            _ => "null",
        };

        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var key = ("Idempotency-Key", random.Next(3) == 0 ? Value().Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal) : Guid.NewGuid().ToString());
        var ifMatch = ("If-Match", random.Next(2) == 0 ? random.Pick(FuzzValues.Nasty) : "\"" + FuzzValues.Number(random) + "\"");
        return random.Next(11) switch
        {
            0 => new(HttpMethod.Get, $"{Base}/members?q={Query()}&skill={Query()}&status={Query()}&page={Query()}&pageSize={Query()}", null, []),
            1 => new(HttpMethod.Get, $"{Base}/members?q={Query()}", null, []),
            2 => new(HttpMethod.Get, $"{Base}/exchanges?member={(random.Next(2) == 0 ? member.ToString() : Query())}&from={Query()}&to={Query()}&page={Query()}", null, []),
            3 => new(HttpMethod.Get, $"{Base}/members/{member}/statement{(random.Next(2) == 0 ? ".csv" : "")}?from={Query()}&to={Query()}", null,
                [("Accept", random.Pick(FuzzValues.AcceptHeaders) ?? "text/csv")]),
            4 => new(HttpMethod.Get, $"{Base}/{random.Pick(Paths)}/{Segment()}", null, []),
            5 => new(HttpMethod.Post, $"{Base}/members",
                $$"""{"firstName":{{Json()}},"lastInitial":{{Json()}},"postcode":{{(random.Next(2) == 0 ? JsonSerializer.Serialize(random.Pick(FuzzValues.Postcodes)) : Json())}},"skillsOffered":[{{Json()}}],"offerDetails":{{Json()}},"contactPreference":{{Json()}},"contactDetails":{{Json()}},"memberRef":{{Json()}},"timeBank":{{Json()}},"joinedOn":{{Json()}}}""", []),
            6 => new(HttpMethod.Put, $"{Base}/members/{member}",
                $$"""{"firstName":{{JsonAny()}},"postcode":{{JsonAny()}},"skillsWanted":{{JsonAny()}},"availability":{{Json()}}}""", [ifMatch]),
            7 => new(HttpMethod.Post, $"{Base}/exchanges",
                $$"""{"giverId":"{{member}}","receiverId":"{{other}}","hours":{{(random.Next(2) == 0 ? FuzzValues.Number(random) : JsonAny())}},"occurredOn":{{(random.Next(2) == 0 ? $"\"{today}\"" : Json())}},"category":{{Json()}},"description":{{Json()}}}""", [key]),
            8 => new(HttpMethod.Post, $"{Base}/exchanges", random.Next(2) == 0 ? Value() : $$"""{"giverId":{{JsonAny()}},"receiverId":{{JsonAny()}},"hours":{{JsonAny()}}}""", [key]),
            9 => new(HttpMethod.Post, $"{Base}/exchanges/{(random.Next(2) == 0 ? exchange.ToString() : Segment())}/reversal",
                random.Next(2) == 0 ? $$"""{"reason":{{JsonAny()}}}""" : Value(), []),
            _ => new(HttpMethod.Post, $"{Base}/members/{member}/{random.Pick(Lifecycle)}", random.Next(3) == 0 ? Value() : null, [ifMatch]),
        };
    }

    private static readonly string[] Paths = ["members", "exchanges", "members/x/history", "exchanges/x"];

    private static readonly string[] Lifecycle = ["deactivate", "reactivate"];

    private async Task<(Guid Member, Guid Other, Guid Exchange)> SampleAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var members = await db.TimeBankMembers.OrderBy(m => m.MemberRef).Where(m => m.Status == Domain.TimeBank.MemberStatus.Active).Select(m => m.Id).Take(2).ToListAsync(ct);
        var exchange = await db.TimeBankExchanges.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct);
        Assert.Equal(2, members.Count);
        return (members[0], members[1], exchange);
    }
}
