using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>Reading the feed in tests: every item of every page.</summary>
internal static class OrukFeed
{
    public const string Root = "/openreferral/v3";

    public static async Task<List<JsonElement>> AllAsync(this HttpClient client, string path, int perPage = 100)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetJsonAsync($"{Root}{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}per_page={perPage}&page={page}");
            items.AddRange(json.GetProperty("contents").EnumerateArray());
            Assert.Equal(page, json.GetProperty("page_number").GetInt32());
            if (json.GetProperty("last_page").GetBoolean())
            {
                Assert.Equal(json.GetProperty("total_items").GetInt32(), items.Count);
                return items;
            }
        }
    }

    public static IEnumerable<JsonElement> Array(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) ? value.EnumerateArray() : [];

    public static IEnumerable<Guid> TermIds(this JsonElement service) => service.Array("attributes").Select(a => a.GetProperty("taxonomy_term_id").GetGuid());

    public static JsonElement Location(this JsonElement service) => service.Array("service_at_locations").Single().GetProperty("location");
}
