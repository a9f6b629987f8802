using System.Text.Json;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Broker-only fields inside the signed-in schema: field-level authorisation refuses the whole document to others.</summary>
public sealed class BrokerGraphQLTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Query = """
        { timeBankMembers(first: 50) { totalCount edges { node { id memberRef displayName contactPreference contactDetails status balance } } }
          timeBankExchanges(first: 10) { totalCount edges { node { id occurredOn hours giver { memberRef } receiver { memberRef } category } } } }
        """;

    [Fact]
    public async Task A_broker_reads_members_with_balances_and_the_ledger()
    {
        var (status, body) = await api.As(Roles.Broker).AuthorisedGraphQLAsync(Query);
        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var data = body.GetProperty("data");
        var members = data.GetProperty("timeBankMembers");
        Assert.Equal(50, members.GetProperty("totalCount").GetInt32());
        var nodes = members.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(50, nodes.Count);
        Assert.Equal("TB-001", nodes[0].GetProperty("memberRef").GetString());
        // Hours are never created or lost: the balances of all members add up to zero.
        Assert.Equal(0m, nodes.Sum(n => n.GetProperty("balance").GetDecimal()));
        Assert.Contains(nodes, n => n.GetProperty("balance").GetDecimal() != 0);

        var exchanges = data.GetProperty("timeBankExchanges");
        Assert.True(exchanges.GetProperty("totalCount").GetInt32() >= 100);
        Assert.Equal(10, exchanges.GetProperty("edges").GetArrayLength());

        // Filtered by member: every exchange involves them.
        var id = nodes[1].GetProperty("id").GetString();
        var (_, mine) = await api.As(Roles.Admin).AuthorisedGraphQLAsync(
            "query($m: String) { timeBankExchanges(member: $m, first: 50) { totalCount edges { node { giver { id } receiver { id } } } } }", new { m = id });
        var edges = mine.GetProperty("data").GetProperty("timeBankExchanges").GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(e.GetProperty("node").GetProperty("giver").GetProperty("id").GetString() == id
            || e.GetProperty("node").GetProperty("receiver").GetProperty("id").GetString() == id));
    }

    [Fact]
    public async Task The_ledgers_balances_of_many_members_are_read_in_one_query()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var ids = await db.TimeBankMembers.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(ids);
        var balances = await LedgerQueries.BalancesAsync(db, ids, TestContext.Current.CancellationToken);
        Assert.Equal(ids.Count, balances.Count);
        Assert.Equal(0, balances.Values.Sum(b => b.Quarters));
        Assert.Contains(balances.Values, b => b.Quarters != 0);
    }

    [Fact]
    public async Task A_practitioner_asking_for_a_broker_field_gets_no_data_at_all()
    {
        var (status, body) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync(
            "{ timeBankMembersNear(postcode: \"RM17 6SX\") { totalCount } timeBankMembers { totalCount edges { node { contactDetails } } } }");
        Assert.Equal(400, status); // refused in validation: nothing executed (GraphQL over HTTP's status for that)
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, body.ToString());
        var error = body.GetProperty("errors")[0];
        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("timeBankMembers", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var (_, ledger) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync("{ timeBankExchanges { totalCount } }");
        Assert.Equal("FORBIDDEN", ledger.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Bad_broker_arguments_name_the_argument()
    {
        var (_, body) = await api.As(Roles.Broker).AuthorisedGraphQLAsync("{ timeBankMembers(status: \"sleeping\") { totalCount } }");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(error.GetProperty("extensions").GetProperty("data").GetProperty("arguments").TryGetProperty("status", out _), error.ToString());
    }
}
