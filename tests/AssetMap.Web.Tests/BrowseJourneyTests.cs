using System.Globalization;
using System.Text.RegularExpressions;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>Someone browses by need (the category tree with counts) and by PCN area (boundary, counts, entries).</summary>
public sealed partial class BrowseJourneyTests(WebServer server)
{
    [Fact]
    public async Task A_need_leads_to_as_many_results_as_it_counts()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/needs");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Dog walking", Exact = true });
        var item = await page.Locator("li", new() { Has = link }).InnerTextAsync();
        var counted = int.Parse(Count().Match(item).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(counted > 0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("needs");

        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(counted == 1 ? "1 result" : $"{counted} results");
        await Assertions.Expect(page.GetByLabel("Need")).ToHaveValueAsync("dog-walking");
    }

    [Fact]
    public async Task An_area_page_draws_its_boundary_and_lists_its_entries_with_counts_by_need()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/areas");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Grays PCN" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grays PCN");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-boundary-drawn", "true");
        await Assertions.Expect(page.Locator("#map path.leaflet-interactive, #map path").First).ToBeAttachedAsync();
        var listed = await page.Locator(".am-result").CountAsync();
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-markers", listed.ToString(CultureInfo.InvariantCulture));
        Assert.NotEmpty(await page.TextsAsync("#counts li"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("area");
    }

    [Fact]
    public async Task Area_pages_work_without_javascript()
    {
        var page = await server.NewPageAsync(javaScript: false);
        await page.GotoAsync("/areas");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbury and Chadwell PCN" }).ClickAsync();
        Assert.NotEmpty(await page.TextsAsync(".am-result__name"));
        await Assertions.Expect(page.Locator("#map")).ToBeHiddenAsync();
        await page.Locator("#counts a").First.ClickAsync();
        Assert.Contains("area=", page.Url, StringComparison.Ordinal);
        Assert.NotEmpty(await page.TextsAsync(".am-result__name"));
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex Count();
}
