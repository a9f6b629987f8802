using System.Net;
using System.Security.Cryptography;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AssetMap.Api.Tests.Features.Auth;

/// <summary>
/// A council's OpenID Connect provider, played by a local Kestrel server that serves a discovery document: the app
/// reads it over real HTTP, offers "Sign in with …", and sends the browser to the provider's authorize endpoint.
/// </summary>
public sealed class OpenIdConnectTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "provider-key" };
    private WebApplication? _provider;
    private string _authority = "";

    /// <summary>What the provider says about the person in the next ID token (the test sets it, as the provider's user store would).</summary>
    private (string Subject, string Name, string[] Roles, string Nonce) _person;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["authorization_endpoint"] = $"{_authority}/authorize",
            ["token_endpoint"] = $"{_authority}/token",
            ["jwks_uri"] = $"{_authority}/jwks",
            ["response_types_supported"] = Code,
            ["subject_types_supported"] = Public,
            ["id_token_signing_alg_values_supported"] = Rs256,
        }));
        _provider.MapGet("/jwks", () => Results.Json(new { keys = new[] { Jwk() } }));
        // The code the browser brings back is exchanged here for an ID token signed with the key above.
        _provider.MapPost("/token", () => Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = "opaque-access-token",
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = IdToken(),
        }));
        await _provider.StartAsync(TestContext.Current.CancellationToken);
        _authority = _provider.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        _key.Rsa?.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_council_provider_and_its_button_goes_to_the_authorize_endpoint()
    {
        await using var configured = Configured();
        var client = SignInClient.For(configured);

        var page = await client.Http.GetAsync("/account/sign-in", TestContext.Current.CancellationToken);
        Assert.Contains("Sign in with Thurrock Council", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // The button's redirect is a form target: the policy must allow the provider.
        Assert.Contains($"form-action 'self' {_authority};", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var challenge = await client.PostFormAsync("/account/external", new()
        {
            ["returnUrl"] = "/admin/accounts",
            ["__RequestVerificationToken"] = await client.TokenAsync("/account/sign-in"),
        });

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith($"{_authority}/authorize?", location.OriginalString, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("assetmap-test", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
    }

    [Fact]
    public async Task A_full_code_flow_signs_in_a_new_local_account_with_mapped_roles_and_a_disabled_one_is_refused()
    {
        await using var configured = Configured(new() { ["Authentication:OpenIdConnect:RoleMap:CVS-Data-Officers"] = "editor" });
        var browser = SignInClient.For(configured);

        var me = await SignInThroughProviderAsync(browser, ("council-123", "c.officer@thurrock.example", ["CVS-Data-Officers", "finance"]));

        Assert.Contains("\"name\":\"c.officer@thurrock.example\"", me, StringComparison.Ordinal);
        Assert.Contains("\"roles\":[\"editor\"]", me, StringComparison.Ordinal);

        // The provider takes the role away: the next sign-in has none. An admin disables the account: refused.
        var again = SignInClient.For(configured);
        Assert.Contains("\"roles\":[]", await SignInThroughProviderAsync(again, ("council-123", "c.officer@thurrock.example", ["finance"])), StringComparison.Ordinal);
        await TestSupport.TestAccounts.SetDisabledAsync(configured.Services, "c.officer@thurrock.example", disabled: true);
        var refused = SignInClient.For(configured);
        var callback = await ProviderCallbackAsync(refused, ("council-123", "c.officer@thurrock.example", ["CVS-Data-Officers"]));
        var page = await refused.Http.GetAsync(callback, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("This account is disabled", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<string> SignInThroughProviderAsync(SignInClient browser, (string Subject, string Name, string[] Roles) person)
    {
        var callback = await ProviderCallbackAsync(browser, person);
        var signedIn = await browser.Http.GetAsync(callback, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/accounts", signedIn.Headers.Location?.OriginalString);
        return await browser.Http.GetStringAsync("/api/v1/me", TestContext.Current.CancellationToken);
    }

    /// <summary>The browser's trip: the button, the provider's authorize page (which answers at once), the form post back.</summary>
    private async Task<Uri> ProviderCallbackAsync(SignInClient browser, (string Subject, string Name, string[] Roles) person)
    {
        var challenge = await browser.PostFormAsync("/account/external", new()
        {
            ["returnUrl"] = "/admin/accounts",
            ["__RequestVerificationToken"] = await browser.TokenAsync("/account/sign-in"),
        });
        var authorize = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        _person = (person.Subject, person.Name, person.Roles, authorize["nonce"]!);
        var back = await browser.PostFormAsync("/signin-oidc", new() { ["code"] = "one-time-code", ["state"] = authorize["state"]! });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/account/external?handler=callback", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return back.Headers.Location;
    }

    private WebApplicationFactory<Program> Configured(Dictionary<string, string>? more = null) => api.WithWebHostBuilder(b =>
    {
        b.UseSetting("Authentication:OpenIdConnect:Authority", _authority)
            .UseSetting("Authentication:OpenIdConnect:ClientId", "assetmap-test")
            .UseSetting("Authentication:OpenIdConnect:ClientSecret", "not-a-real-secret")
            .UseSetting("Authentication:OpenIdConnect:DisplayName", "Thurrock Council")
            .UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false");
        foreach (var (key, value) in more ?? [])
        {
            b.UseSetting(key, value);
        }
    });

    private JsonWebKey Jwk()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return jwk;
    }

    private string IdToken()
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = _person.Subject,
            ["preferred_username"] = _person.Name,
            ["name"] = "Casey Officer",
            ["nonce"] = _person.Nonce,
            ["roles"] = _person.Roles,
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _authority,
            Audience = "assetmap-test",
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    [Fact]
    public async Task Without_configuration_there_is_no_provider_button_and_no_external_sign_in()
    {
        var client = SignInClient.For(api);
        Assert.DoesNotContain("Sign in with", await client.Http.GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var post = await client.PostFormAsync("/account/external", new() { ["__RequestVerificationToken"] = await client.TokenAsync("/account/sign-in") });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public void The_provider_role_claim_maps_to_assetmap_roles()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:RoleMap:CVS-Data-Officers"] = "editor",
            ["Authentication:OpenIdConnect:RoleMap:ASC-Social-Work"] = "practitioner",
        }).Build();

        var mapped = OpenIdConnectSetup.Settings(settings).MapRoles(["cvs-data-officers", "ASC-Social-Work", "Admin", "finance"]);

        Assert.Equal([Roles.Editor, Roles.Practitioner, Roles.Admin], mapped);
    }
}
