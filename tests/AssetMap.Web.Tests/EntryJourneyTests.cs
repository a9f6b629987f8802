using System.Net;
using System.Text.Json;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>Someone opens an entry from the results and reads what it is, when, what it costs and how to get in touch.</summary>
public sealed class EntryJourneyTests(WebServer server)
{
    [Fact]
    public async Task An_entry_opened_from_the_results_shows_the_facts_the_api_gives()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/?q=lunch");
        await page.GetByRole(AriaRole.Link, new() { Name = "Grays Tuesday Lunch Club" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grays Tuesday Lunch Club");
        Assert.StartsWith("Grays Tuesday Lunch Club", await page.TitleAsync(), StringComparison.Ordinal);

        using var api = JsonDocument.Parse(await server.Http.GetStringAsync("/api/v1/assets/grays-tuesday-lunch-club", TestContext.Current.CancellationToken));
        var asset = api.RootElement;
        var business = asset.GetProperty("microEnterprise");
        await Assertions.Expect(page.Locator("#cost")).ToHaveTextAsync($"{business.GetProperty("price").GetString()} {business.GetProperty("priceUnit").GetString()}");
        await Assertions.Expect(page.Locator("#where")).ToContainTextAsync(asset.GetProperty("address").GetProperty("line").GetString()!);
        await Assertions.Expect(page.Locator("#where")).ToContainTextAsync(asset.GetProperty("address").GetProperty("postcode").GetString()!);
        await Assertions.Expect(page.Locator("#contact")).ToContainTextAsync(asset.GetProperty("contact").GetProperty("phone").GetString()!);
        await Assertions.Expect(page.Locator("#evidence")).ToContainTextAsync("DBS check");
        await Assertions.Expect(page.Locator("#report-change")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/directory/[a-z0-9-]+/report$"));
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-markers", "1");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("entry");
    }

    [Fact]
    public async Task Every_published_entry_has_a_page_that_names_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var entries = new List<(string Slug, string Name)>();
        for (var pageNumber = 1; ; pageNumber++)
        {
            using var list = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/v1/assets?pageSize=100&page={pageNumber}", ct));
            entries.AddRange(list.RootElement.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("slug").GetString()!, i.GetProperty("name").GetString()!)));
            if (pageNumber >= list.RootElement.GetProperty("totalPages").GetInt32())
            {
                break;
            }
        }

        Assert.True(entries.Count > 50, $"only {entries.Count} published entries");
        foreach (var (slug, name) in entries)
        {
            using var response = await server.Http.GetAsync($"/directory/{slug}", ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/directory/{slug} answered {(int)response.StatusCode}");
            Assert.Contains(name, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_activity_shows_its_next_sessions_and_links_to_its_venue_and_what_else_is_there()
    {
        var page = await server.NewPageAsync(javaScript: false);
        await page.GotoAsync("/directory/chair-yoga-at-aveley");
        Assert.Equal(5, await page.Locator("#next-sessions li").CountAsync());
        await page.Locator("#facts").GetByRole(AriaRole.Link, new() { Name = "Aveley Village Hub" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aveley Village Hub");
        await Assertions.Expect(page.Locator("#also-here")).ToContainTextAsync("Chair Yoga at Aveley");
    }

    [Fact]
    public async Task A_home_based_business_shows_the_area_it_serves_never_the_home()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/directory/paws-at-home-aveley");
        var where = await page.Locator("#where").InnerTextAsync();
        Assert.Contains("comes to you", where, StringComparison.Ordinal);
        Assert.DoesNotContain("135 High Street", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("RM15 4XP", await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#evidence")).ToContainTextAsync("Public liability insurance");
    }

    [Fact]
    public async Task An_unchanged_entry_answers_304_to_its_etag()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = await server.Http.GetAsync("/directory/grays-town-hub", ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("no ETag");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/directory/grays-town-hub");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await server.Http.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/directory/tilbury-community-hub");
        other.Headers.IfNoneMatch.Add(etag);
        using var third = await server.Http.SendAsync(other, ct);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task An_unknown_entry_is_not_found()
    {
        using var response = await server.Http.GetAsync("/directory/no-such-entry", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
