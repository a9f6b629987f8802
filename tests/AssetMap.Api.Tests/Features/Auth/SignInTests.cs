using System.Net;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;

namespace AssetMap.Api.Tests.Features.Auth;

/// <summary>Web sign-in with Identity's cookie, through the real pipeline and a real database.</summary>
public sealed class SignInTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_lax_cookie_that_the_api_and_pages_accept()
    {
        await TestAccounts.CreateAsync(api.Services, "sam", Roles.Admin);
        var client = SignInClient.For(api);

        var response = await client.SignInAsync("sam", TestAccounts.Password, "/admin/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/accounts", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieSetup.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Contains("\"roles\":[\"admin\"]", await client.Http.GetStringAsync("/api/v1/me", Ct), StringComparison.Ordinal);
        var page = await client.Http.GetStringAsync("/admin/accounts", Ct);
        Assert.Contains("Signed in as <strong>Test sam</strong>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/accounts\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        await TestAccounts.CreateAsync(api.Services, "lou", Roles.Editor);
        var client = SignInClient.For(api);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync("lou", "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with the error
            Assert.Contains(i < 4 ? "Enter a correct user name and password" : "This account is locked", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var right = await client.SignInAsync("lou", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(CookieSetup.CookieName + "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/account/sign-in", "userName=sam&password=x")]
    [InlineData("/account/sign-out", "")]
    [InlineData("/shortlist?handler=add", "id=0195a3c0-0000-7000-8000-000000000001")]
    [InlineData("/admin/accounts", "userName=mallory&role=admin")]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_with_400(string url, string body)
    {
        // A signed-in admin's browser, as a forged cross-site post would find it: cookies sent, token unknown.
        var name = $"csrf-{Guid.NewGuid():N}"[..20];
        await TestAccounts.CreateAsync(api.Services, name, Roles.Admin);
        var client = SignInClient.For(api);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(name, TestAccounts.Password)).StatusCode);

        var response = await client.Http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_existing_cookie_stops_working_at_once()
    {
        await TestAccounts.CreateAsync(api.Services, "dev", Roles.Practitioner);
        var client = SignInClient.For(api);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("dev", TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/v1/me", Ct)).StatusCode);

        await TestAccounts.SetDisabledAsync(api.Services, "dev", disabled: true);

        await ProblemAssert.IsProblemAsync(await client.Http.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized);
        var again = await SignInClient.For(api).SignInAsync("dev", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("the account may be disabled", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await TestAccounts.CreateAsync(api.Services, "sol", Roles.Broker);
        var client = SignInClient.For(api);
        await client.SignInAsync("sol", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/v1/me", Ct)).StatusCode);

        var token = await client.TokenAsync("/");
        var response = await client.PostFormAsync("/account/sign-out", new() { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Contains(">Sign in</a>", await client.Http.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_the_anonymous_to_sign_in_and_the_wrong_role_to_access_denied()
    {
        await TestAccounts.CreateAsync(api.Services, "pia", Roles.Practitioner);
        var client = SignInClient.For(api);

        var anonymous = await client.Http.GetAsync("/admin/accounts", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin%2Faccounts", anonymous.Headers.Location?.PathAndQuery);

        await client.SignInAsync("pia", TestAccounts.Password);
        var denied = await client.Http.GetAsync("/admin/accounts", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        var page = await client.Http.GetAsync(denied.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("You cannot use this page", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        await TestAccounts.CreateAsync(api.Services, "ren", Roles.Editor);
        var response = await SignInClient.For(api).SignInAsync("ren", TestAccounts.Password, "//evil.example/phish");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_account_name_and_per_client_address()
    {
        await using var perAccount = api.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "true").UseSetting("RateLimiting:SignInPerAccount:PermitLimit", "3"));
        var client = SignInClient.For(perAccount);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("nobody-here", "guess-" + i)).StatusCode);
        }

        var limited = await client.SignInAsync("NOBODY-HERE", "guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts to sign in to this account", await limited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("someone-else", "guess")).StatusCode);

        await using var perAddress = api.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "true").UseSetting("RateLimiting:SignIn:PermitLimit", "2"));
        var other = SignInClient.For(perAddress);
        Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync("a-name", "guess")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync("b-name", "guess")).StatusCode);
        await ProblemAssert.IsProblemAsync(await other.SignInAsync("c-name", "guess"), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/account/sign-in", Ct)).StatusCode); // reading the form is not limited
    }
}
