using System.Net.Http.Headers;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.TestSupport;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>An admin signs in through the page (with and without JavaScript), sees who they are, and signs out.</summary>
public sealed class SignInJourneyTests(WebServer server)
{
    private const string SessionCookie = "am-session";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sign_in_through_the_page_see_the_signed_in_header_then_sign_out(bool javaScript)
    {
        var name = javaScript ? "wes" : "wen";
        await TestAccounts.CreateAsync(server.Services, name, Roles.Admin);
        var page = await server.NewPageAsync(javaScript);

        // A signed-in page sends the visitor to sign in, and back afterwards.
        await page.GotoAsync("/admin/accounts");
        Assert.Contains("/account/sign-in?returnUrl=%2Fadmin%2Faccounts", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#account")).ToHaveTextAsync("Sign in");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync("a-wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct user name and password");
        if (javaScript)
        {
            await page.AssertAccessibleAsync();
        }

        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/admin/accounts", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#account")).ToContainTextAsync($"Signed in as Test {name}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToBeVisibleAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == SessionCookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        if (javaScript)
        {
            await page.ScreenshotAsync("signed-in-accounts");
            await page.AssertAccessibleAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#account")).ToHaveTextAsync("Sign in");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == SessionCookie);
        await page.GotoAsync("/admin/accounts");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_cookies_and_bearer_tokens_never_reach_the_log()
    {
        await TestAccounts.CreateAsync(server.Services, "lotte", Roles.Editor);
        var page = await server.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync("lotte");
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#account")).ToContainTextAsync("Signed in as");
        await page.GotoAsync("/api/v1/me");
        var cookies = await page.Context.CookiesAsync();
        var token = TestTokens.For("lotte", Roles.Editor);
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me?probe=log-check"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await server.Http.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        using (var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"))
        {
            bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
            await server.Http.SendAsync(bad, TestContext.Current.CancellationToken);
        }

        var lines = server.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("/api/v1/me", StringComparison.Ordinal)); // requests are logged…
        var secrets = cookies.Select(c => c.Value).Where(v => v.Length >= 20).Append(token).Append(TestAccounts.Password).ToList();
        Assert.Contains(cookies, c => c.Name == SessionCookie);
        foreach (var secret in secrets)
        {
            // …but no cookie value, token or password, whole or in part.
            Assert.DoesNotContain(lines, l => l.Contains(secret[..20], StringComparison.Ordinal));
        }
    }
}
