using System.Globalization;
using System.Text.RegularExpressions;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>A resident searches by postcode or place, filters, pages and reads the results as a list and on the map.</summary>
public sealed partial class SearchJourneyTests(WebServer server)
{
    private const string Postcode = "RM17 5AQ";

    [Fact]
    public async Task A_postcode_search_lists_results_nearest_first_with_a_marker_for_each()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Postcode or place").FillAsync(Postcode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var count = await page.Locator("#result-count").InnerTextAsync();
        Assert.Matches(@"^\d+ results within 5 miles of RM17 5AQ$", count);
        var distances = (await page.TextsAsync(".am-result__distance")).Select(Miles).ToList();
        Assert.Equal(20, distances.Count);

        // Nearest first by distance band (up to 1 km, 1–3 km, 3–5 km, beyond); within a band entries due for review
        // come after fresh ones (issue 13), so only the bands must never go back.
        var bands = distances.Select(miles => (miles * 1_609.344) switch { <= 1_000 => 0, <= 3_000 => 1, <= 5_000 => 2, _ => 3 }).ToList();
        Assert.Equal(bands.Order(), bands);

        // The map draws every entry of the list (clusters group them; the count is of markers, not icons).
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-markers", "20");
        await Assertions.Expect(page.Locator("#map .leaflet-marker-icon").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("search-results", fullPage: false);
    }

    [Fact]
    public async Task Filters_narrow_the_results()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/?where={Uri.EscapeDataString(Postcode)}&distance=10");
        var all = await TotalAsync(page);

        await page.GetByLabel("Need").SelectOptionAsync(new SelectOptionValue { Label = "Lunch clubs" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var lunch = await TotalAsync(page);
        Assert.InRange(lunch, 1, all - 1);
        var names = await page.TextsAsync(".am-result__name");
        Assert.Contains("Grays Tuesday Lunch Club", names);
        Assert.DoesNotContain(names, n => n.Contains("Walk", StringComparison.Ordinal));

        await page.GetByLabel("Step-free access").CheckAsync();
        await page.GetByLabel("Accepts direct payments").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var narrowed = await TotalAsync(page);
        Assert.InRange(narrowed, 1, lunch);
        Assert.All(await page.TextsAsync(".am-facts"), facts =>
        {
            Assert.Contains("Step-free access", facts, StringComparison.Ordinal);
            Assert.Contains("Accepts direct payments", facts, StringComparison.Ordinal);
        });
        await Assertions.Expect(page.GetByLabel("Need")).ToHaveValueAsync("lunch-clubs");
    }

    [Fact]
    public async Task An_unknown_postcode_is_explained_next_to_the_field_and_in_the_error_summary()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/?where=RM17+9ZZ");

        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Postcode RM17 9ZZ is not in the postcode directory.");
        await Assertions.Expect(page.Locator("#where-error")).ToContainTextAsync("RM17 9ZZ is not in the postcode directory");
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#where")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#results")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("search-error");
    }

    [Fact]
    public async Task A_place_name_searches_around_the_town_or_within_the_pcn_area()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/?where=grays");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("within 5 miles of Grays");

        await page.GotoAsync("/?where=Chadwell");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("in Tilbury and Chadwell PCN");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-boundary-drawn", "true");
    }

    [Fact]
    public async Task Results_page_on_without_javascript_and_the_list_stands_in_for_the_map()
    {
        var page = await server.NewPageAsync(javaScript: false);
        await page.GotoAsync("/");
        await page.GetByLabel("Postcode or place").FillAsync(Postcode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var firstPage = await page.TextsAsync(".am-result__name");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);
        Assert.Contains("where=RM17", page.Url, StringComparison.Ordinal);
        var secondPage = await page.TextsAsync(".am-result__name");
        Assert.NotEmpty(secondPage);
        Assert.Empty(firstPage.Intersect(secondPage));
        await Assertions.Expect(page.Locator("#map")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[aria-current=page]").Last).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task Search_works_at_320_pixels_wide()
    {
        var page = await server.NewPageAsync(width: 320);
        await page.GotoAsync($"/?where={Uri.EscapeDataString(Postcode)}");
        await Assertions.Expect(page.Locator(".am-result").First).ToBeVisibleAsync();
        await page.AssertFitsWidthAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("search-320px");
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(LeadingNumber().Match(await page.Locator("#result-count").InnerTextAsync()).Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static double Miles(string text) =>
        text.StartsWith("under", StringComparison.Ordinal) ? 0 : double.Parse(LeadingDecimal().Match(text).Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[\d,]+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"[\d.]+")]
    private static partial Regex LeadingDecimal();
}
