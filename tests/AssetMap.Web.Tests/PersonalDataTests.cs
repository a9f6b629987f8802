using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>A practitioner looks near a person's postcode and shares a shortlist: the postcode is kept nowhere.</summary>
public sealed class PersonalDataTests(WebServer server)
{
    private const string Postcode = "RM16 2JT";

    [Fact]
    public async Task A_persons_postcode_reaches_neither_the_shortlist_nor_the_servers_log()
    {
        var page = await server.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/near?postcode={Uri.EscapeDataString(Postcode)}&need=food-and-meals&need=pets");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Add .* to shortlist$") }).First.ClickAsync();
        await page.GotoAsync($"/?where={Uri.EscapeDataString(Postcode)}");
        await page.GotoAsync("/shortlist");
        var share = await page.Locator("#share-link").GetAttributeAsync("href");
        var other = await server.NewPageAsync(javaScript: false);
        await other.GotoAsync(share!);
        await Assertions.Expect(other.Locator("#shortlist h2")).ToHaveCountAsync(1);

        Assert.DoesNotContain("RM16", share!, StringComparison.OrdinalIgnoreCase);
        var lines = server.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("/near", StringComparison.Ordinal)); // the requests were logged…
        Assert.DoesNotContain(lines, l => l.Contains("RM16", StringComparison.OrdinalIgnoreCase)); // …without the postcode
    }
}
