using AssetMap.Api.Infrastructure.Auth;
using AssetMap.TestSupport;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>
/// A practitioner, sitting with a person in RM16 4DZ who needs help with the garden, looks for time-bank members near
/// them: a gardener in the 1–3 km band, the broker's contact, and the person's postcode kept out of the server's log.
/// </summary>
public sealed class TimeBankNearJourneyTests(WebServer server)
{
    private const string Postcode = "RM16 4DZ";

    private async Task<IPage> SignedInPageAsync(string role, bool javaScript)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            JavaScriptEnabled = javaScript,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + TestTokens.For("lena", role) },
        });
        await context.RouteAsync(url => !url.StartsWith(server.BaseUrl, StringComparison.Ordinal), route => route.AbortAsync());
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_practitioner_finds_a_gardener_1_to_3_km_away_and_the_brokers_contact(bool javaScript)
    {
        var page = await SignedInPageAsync(Roles.Practitioner, javaScript);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Members near a person" }).ClickAsync();
        await page.GetByLabel("Their postcode").FillAsync(Postcode);
        await page.GetByLabel("What would help?").SelectOptionAsync("gardening");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find members" }).ClickAsync();

        var members = page.Locator("li.am-member");
        await Assertions.Expect(members.First).ToBeVisibleAsync();
        Assert.True(await members.CountAsync() >= 2);
        var bands = await page.TextsAsync("li.am-member .am-band");
        Assert.Equal("1–3 km", bands[0]);
        Assert.DoesNotContain("under 1 km", bands);
        var names = await page.TextsAsync("li.am-member h3");
        Assert.Contains(names.Where((_, i) => bands[i] == "1–3 km"), n => n is "Ivy M." or "Sam J.");
        Assert.All(await page.TextsAsync("li.am-member .am-skills"), s => Assert.StartsWith("Gardening", s, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".am-broker")).ToContainTextAsync("Jo Adeyemi");
        await Assertions.Expect(page.Locator(".am-broker")).ToContainTextAsync("timebank@example.org");
        await Assertions.Expect(page.Locator(".am-broker")).ToContainTextAsync("01632 960412");
        await Assertions.Expect(page.GetByLabel("What would help?")).ToHaveValueAsync("gardening");

        // No member's words, sector or coordinates on the page: only what the service decides a practitioner sees.
        var html = await page.ContentAsync();
        Assert.DoesNotContain("RM17 6", html, StringComparison.Ordinal);
        Assert.DoesNotContain("51.485", html, StringComparison.Ordinal);

        if (javaScript)
        {
            await page.AssertAccessibleAsync();
            await page.AssertFitsWidthAsync();
            await page.ScreenshotAsync("timebank-near");
        }
    }

    [Fact]
    public async Task Errors_are_named_in_words_and_accessible()
    {
        var page = await SignedInPageAsync(Roles.Practitioner, javaScript: true);
        await page.GotoAsync("/timebank/near?postcode=ZZ99+9ZZ&skill=gardening");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Postcode ZZ99 9ZZ is not in the postcode directory.");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error:"));
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/timebank/near?postcode=");
        await Assertions.Expect(page.Locator("#postcode-error")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_editor_is_refused_and_sees_no_link()
    {
        var page = await SignedInPageAsync(Roles.Editor, javaScript: false);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Members near a person" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/timebank/near?postcode=RM16+4DZ&skill=gardening");
        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain("Ivy M.", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_persons_postcode_stays_out_of_the_servers_log()
    {
        var page = await SignedInPageAsync(Roles.Practitioner, javaScript: false);
        await page.GotoAsync($"/timebank/near?postcode={Uri.EscapeDataString("RM16 4RH")}&skill=gardening");
        await Assertions.Expect(page.Locator("li.am-member").First).ToBeVisibleAsync();
        var lines = server.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("/timebank/near", StringComparison.Ordinal)); // the request was logged…
        Assert.DoesNotContain(lines, l => l.Contains("RM16 4RH", StringComparison.OrdinalIgnoreCase) || l.Contains("RM16%204RH", StringComparison.OrdinalIgnoreCase)); // …without the postcode
    }
}
