using System.Text.Json;
using System.Text.RegularExpressions;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>Someone who uses only a keyboard searches and opens an entry; a printed shortlist of six fits two A4 pages.</summary>
public sealed partial class KeyboardAndPrintTests(WebServer server)
{
    [Fact]
    public async Task A_keyboard_alone_searches_and_opens_an_entry_with_focus_always_visible()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");

        await TabUntilAsync(page, "document.activeElement.id === 'where'");
        await page.Keyboard.TypeAsync("RM17 5AQ");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("results");

        await TabUntilAsync(page, "document.activeElement.matches('.am-result__name a')");
        var name = await page.EvaluateAsync<string>("document.activeElement.innerText");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name.Trim());
    }

    [Fact]
    public async Task A_printed_shortlist_of_six_entries_fits_on_two_a4_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        using var list = JsonDocument.Parse(await server.Http.GetStringAsync("/api/v1/assets?postcode=RM17%205AQ&radius=5000&pageSize=6", ct));
        var ids = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(6, ids.Count);
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/shortlist?ids={string.Join(",", ids)}");
        await Assertions.Expect(page.Locator("#shortlist h2")).ToHaveCountAsync(6);

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Directory.CreateDirectory(PageChecks.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(PageChecks.ScreenshotDirectory, "shortlist-six.pdf"), pdf, ct);

        var pages = PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, 1, 2);
    }

    // Tab forward (at most 60 times) until the predicate holds, checking each focused element shows its focus.
    private static async Task TabUntilAsync(IPage page, string predicate)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>(FocusVisible), $"focus is not visible on {await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 120)")}");
            if (await page.EvaluateAsync<bool>(predicate))
            {
                return;
            }
        }

        Assert.Fail($"never reached: {predicate}");
    }

    // GOV.UK's focus state: a yellow background, an outline or a box shadow on the focused element.
    private const string FocusVisible = """
        (() => { const e = document.activeElement; if (!e || e === document.body) return true;
          const s = getComputedStyle(e);
          return s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)'; })()
        """;

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
