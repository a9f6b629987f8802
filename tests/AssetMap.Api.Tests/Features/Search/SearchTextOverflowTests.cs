using System.Net;
using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// Issue 9: 33 or more dashes in q made websearch_to_tsquery fail with "tsquery stack too small" (a 500 on every list,
/// a POSTGRES error on GraphQL text). Whatever is typed now becomes a tsquery that cannot overflow.
/// </summary>
public sealed class SearchTextOverflowTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static readonly TheoryData<string> Texts =
    [
        new string('-', 33) + "a",
        "lunch " + new string('-', 60) + "club",
        string.Join(' ', Enumerable.Repeat("-", 40)) + " lunch",
        string.Join(' ', Enumerable.Repeat("-a", 60)),
        string.Join(' ', Enumerable.Repeat("\"a", 60)),
        string.Join(' ', Enumerable.Repeat("lunch or", 22)),
        string.Join(' ', Enumerable.Repeat("!(a & b) <-> |", 10)),
        new string('-', 199) + "a",
        string.Concat(Enumerable.Repeat("a-", 100)),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Any_text_on_any_list_is_a_search_not_a_server_error(string q)
    {
        var client = api.CreateClient();
        foreach (var list in new[] { "assets", "hubs", "micro-enterprises", "activities", "pcn-areas/U81042/assets" })
        {
            var response = await client.GetAsync($"/api/v1/{list}?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list}?q={q} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Any_graphql_text_is_a_search_not_an_error(string q)
    {
        var reply = await api.CreateClient().PostAsync("query($q: String) { assets(text: $q) { totalCount } hubs(text: $q) { totalCount } }", new { q });

        Assert.True(reply.Data().GetProperty("assets").GetProperty("totalCount").GetInt32() >= 0);
    }

    [Fact]
    public async Task Dashes_between_words_leave_the_words_searched()
    {
        var items = await api.CreateClient().GetAllItemsAsync($"/api/v1/assets?q={Uri.EscapeDataString("lunch " + new string('-', 40) + " club")}&pageSize=100");

        Assert.NotEmpty(items);
        Assert.Contains("Lunch Club", items[0].Str("name"), StringComparison.Ordinal);
    }
}
