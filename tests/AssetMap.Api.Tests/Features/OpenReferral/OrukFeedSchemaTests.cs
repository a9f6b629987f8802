using System.Net;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>Every response of every feed endpoint, for the whole sample and every page, is valid ORUK 3.0.</summary>
public sealed class OrukFeedSchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Feed = "/openreferral/v3";

    [Fact]
    public async Task Every_endpoint_every_page_and_every_item_validates_against_the_oruk_schemas()
    {
        var client = api.CreateClient();
        var checkedCount = 0;

        async Task<JsonElement> Check(string url, string schema)
        {
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain(":null", body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            var json = JsonDocument.Parse(body).RootElement.Clone();
            OrukSchemas.AssertValid(schema, json, url);
            checkedCount++;
            return json;
        }

        async Task<List<JsonElement>> AllPages(string path, string schema)
        {
            var items = new List<JsonElement>();
            for (var page = 1; ; page++)
            {
                var json = await Check($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}per_page=10&page={page}", schema);
                items.AddRange(json.GetProperty("contents").EnumerateArray());
                if (json.GetProperty("last_page").GetBoolean())
                {
                    return items;
                }
            }
        }

        await Check(Feed + "/", "api_details");
        var services = await AllPages(Feed + "/services", "service_list");
        Assert.True(services.Count > 80, $"only {services.Count} services");
        foreach (var service in services)
        {
            await Check($"{Feed}/services/{service.Id()}", "service");
        }

        foreach (var link in await AllPages(Feed + "/service_at_locations", "service_at_location_list"))
        {
            await Check($"{Feed}/service_at_locations/{link.Id()}", "service_at_location");
        }

        await AllPages(Feed + "/service_at_locations?postcode=RM16%202JT&proximity=3000", "service_at_location_list");
        foreach (var organization in await AllPages(Feed + "/organizations", "organization_list"))
        {
            await Check($"{Feed}/organizations/{organization.Id()}", "organization");
        }

        foreach (var taxonomy in await AllPages(Feed + "/taxonomies", "taxonomy_list"))
        {
            await Check($"{Feed}/taxonomies/{taxonomy.Id()}", "taxonomy");
        }

        foreach (var term in await AllPages(Feed + "/taxonomy_terms", "taxonomy_term_list"))
        {
            await Check($"{Feed}/taxonomy_terms/{term.Id()}", "taxonomy_term");
        }

        Assert.True(checkedCount > 200, $"only {checkedCount} responses checked");
    }

    [Fact]
    public async Task The_root_names_the_standard_and_an_openapi_document_that_is_served()
    {
        var client = api.CreateClient();
        var root = await client.GetJsonAsync(Feed + "/");
        Assert.Equal("HSDS-UK-3.0", root.Str("version"));
        var openapi = await client.GetJsonAsync(new Uri(root.Str("openapi_url")).PathAndQuery);
        Assert.True(openapi.GetProperty("paths").TryGetProperty(Feed + "/services", out _));
        Assert.False(openapi.GetProperty("paths").TryGetProperty("/api/v1/assets", out _));
    }

    [Fact]
    public async Task Any_origin_may_read_the_feed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed + "/services?per_page=1");
        request.Headers.Add("Origin", "https://partner.example.org");
        var response = await api.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_page_of_100_services_is_a_few_sql_commands_whatever_its_size()
    {
        var client = api.CreateClient();
        await client.GetStringAsync(Feed + "/services?per_page=100", TestContext.Current.CancellationToken);
        api.Sql.Reset();
        var page = await client.GetJsonAsync(Feed + "/services?per_page=100");
        // The sample holds fewer than 100 published entries: the page is all of them.
        Assert.Equal(page.GetProperty("total_items").GetInt32(), page.GetProperty("contents").GetArrayLength());
        // The capped count, the page's ids from the fresh then the overdue entries (each in index order), then the page
        // itself: a fixed number of statements, never one per service.
        Assert.True(api.Sql.Count <= 4, $"{api.Sql.Count} SQL commands:\n{string.Join("\n---\n", api.Sql.Commands)}");
    }
}
