using System.Net;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

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

    private WebApplication? _provider;
    private string _authority = "";

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
        _provider.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await _provider.StartAsync(TestContext.Current.CancellationToken);
        _authority = _provider.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_council_provider_and_its_button_goes_to_the_authorize_endpoint()
    {
        await using var configured = api.WithWebHostBuilder(b => b
            .UseSetting("Authentication:OpenIdConnect:Authority", _authority)
            .UseSetting("Authentication:OpenIdConnect:ClientId", "assetmap-test")
            .UseSetting("Authentication:OpenIdConnect:ClientSecret", "not-a-real-secret")
            .UseSetting("Authentication:OpenIdConnect:DisplayName", "Thurrock Council")
            .UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false"));
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
