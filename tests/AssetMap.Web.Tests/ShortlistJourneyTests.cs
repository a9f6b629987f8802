using System.Text.RegularExpressions;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>A practitioner gathers entries, prints them for the person and shares a link that holds only ids.</summary>
public sealed partial class ShortlistJourneyTests(WebServer server)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Entries_added_from_results_and_details_print_and_share_by_ids_only(bool javaScript)
    {
        var page = await server.NewPageAsync(javaScript);
        await page.GotoAsync("/?where=RM17+5AQ&q=lunch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Grays Tuesday Lunch Club to shortlist" }).ClickAsync();
        if (javaScript)
        {
            // Added in the background: the page stays and says so.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Added Grays Tuesday Lunch Club to shortlist" })).ToBeDisabledAsync();
            await Assertions.Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Grays Tuesday Lunch Club added to your shortlist (1).");
        }

        Assert.Contains("q=lunch", page.Url, StringComparison.Ordinal); // still, or back, on the results
        await page.GotoAsync("/directory/grays-town-hub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Grays Town Hub to shortlist" }).ClickAsync();
        if (javaScript)
        {
            await Assertions.Expect(page.Locator("#shortlist-status")).ToContainTextAsync("(2)");
        }

        await page.GotoAsync("/shortlist");
        Assert.Equal(["Grays Tuesday Lunch Club", "Grays Town Hub"], await page.TextsAsync("#shortlist h2"));
        var share = await page.Locator("#share-link").GetAttributeAsync("href");
        Assert.Matches(IdsOnly(), share);
        Assert.DoesNotContain("RM17", share, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("RM17", page.Url, StringComparison.OrdinalIgnoreCase);

        // Each entry has a QR code that the browser can draw.
        var qr = page.Locator("#shortlist img.am-qr").First;
        if (javaScript)
        {
            await Assertions.Expect(qr).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        }

        // Printing leaves out navigation and buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clear the shortlist" })).ToBeHiddenAsync();
        await Assertions.Expect(qr).ToBeVisibleAsync();
        if (javaScript)
        {
            await page.ScreenshotAsync("shortlist-print");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.AssertAccessibleAsync();
        }

        // Someone else opens the link: the same entries, without the first person's cookie.
        var other = await server.NewPageAsync(javaScript);
        await other.GotoAsync(share!);
        Assert.Equal(["Grays Tuesday Lunch Club", "Grays Town Hub"], await other.TextsAsync("#shortlist h2"));
        await other.GetByRole(AriaRole.Button, new() { Name = "Make this my shortlist" }).ClickAsync();
        await other.GotoAsync("/shortlist");
        Assert.Equal(2, await other.Locator("#shortlist h2").CountAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Grays Town Hub" }).ClickAsync();
        // The form post reloads the page: wait for the new list rather than read the old one mid-navigation.
        await Assertions.Expect(page.Locator("#shortlist h2")).ToHaveTextAsync(["Grays Tuesday Lunch Club"]);
    }

    [Fact]
    public async Task An_empty_shortlist_says_how_to_fill_it()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/shortlist");
        await Assertions.Expect(page.Locator("#empty")).ToContainTextAsync("Add to shortlist");
        await page.AssertAccessibleAsync();
    }

    [GeneratedRegex(@"^https?://[^/]+/shortlist\?ids=[0-9a-f-]{36}(,[0-9a-f-]{36})*$")]
    private static partial Regex IdsOnly();
}
