using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests.Infrastructure;

/// <summary>Checks every journey makes: axe finds nothing, the page fits 320 px, and a screenshot for the record.</summary>
public static class PageChecks
{
    /// <summary>Screenshots go to <c>ASSETMAP_SCREENSHOTS</c> (./test.sh: TestResults/screenshots) or the test output.</summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("ASSETMAP_SCREENSHOTS") is { Length: > 0 } dir
        ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>axe runs as a script: call it on pages with JavaScript on (without, it never answers).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe().WaitAsync(TimeSpan.FromSeconds(60));
        var violations = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"axe found violations on {page.Url}:\n{violations}");
    }

    /// <summary>No sideways scrolling: nothing is wider than the viewport.</summary>
    public static async Task AssertFitsWidthAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window");
    }

    public static async Task ScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });
    }

    /// <summary>The texts of the elements matching <paramref name="selector"/>.</summary>
    /// <summary>The texts of every match once the page has loaded (a click may have started a navigation).</summary>
    public static async Task<IReadOnlyList<string>> TextsAsync(this IPage page, string selector)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        return await page.Locator(selector).AllInnerTextsAsync();
    }
}
