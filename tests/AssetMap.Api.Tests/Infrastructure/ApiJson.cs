using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssetMap.Api.Tests.Infrastructure;

/// <summary>Small helpers for reading the API's JSON in tests.</summary>
internal static class ApiJson
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Every item of a paged search, following the next links.</summary>
    public static async Task<List<JsonElement>> GetAllItemsAsync(this HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetJsonAsync(next);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("links").TryGetProperty("next", out var link) ? link.GetString() : null;
        }

        return items;
    }

    public static Guid Id(this JsonElement item) => item.GetProperty("id").GetGuid();

    public static string Str(this JsonElement item, string property) => item.GetProperty(property).GetString()!;
}
