using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// A council's own identity provider, alongside local passwords, from <c>Authentication:OpenIdConnect</c>. Added only
/// when <c>Authority</c> and <c>ClientId</c> are set, so <c>./run.sh</c> needs nothing external. The provider's role
/// claim (<c>RoleClaim</c>, default <c>roles</c>) is mapped to AssetMap roles by <c>RoleMap</c> (provider value →
/// AssetMap role; values equal to an AssetMap role map to it without an entry). The callback page links the sign-in to
/// a local account (created on first sign-in), whose roles follow the provider's on every sign-in.
/// </summary>
internal static class OpenIdConnectSetup
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static void AddIfConfigured(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = Settings(configuration);
        if (!settings.IsConfigured)
        {
            return;
        }

        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.CallbackPath = settings.CallbackPath;
            options.SignedOutCallbackPath = "/signout-callback-oidc";
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
            options.TokenValidationParameters.NameClaimType = settings.NameClaim;
            options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes)
            {
                options.Scope.Add(scope);
            }

            options.CorrelationCookie.SameSite = SameSiteMode.None;
            options.NonceCookie.SameSite = SameSiteMode.None;
        });
    }

    public static OpenIdConnectSettings Settings(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OpenIdConnectSettings>() ?? new();
}

/// <summary>The <c>Authentication:OpenIdConnect</c> section.</summary>
internal sealed class OpenIdConnectSettings
{
    /// <summary>The provider's issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Shown on the sign-in page as "Sign in with …".</summary>
    public string DisplayName { get; set; } = "your council account";

    /// <summary>The claim carrying the provider's roles or groups.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim used as the local user name (made unique per provider on first sign-in).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Provider role value → AssetMap role (practitioner, broker, editor, admin).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Scopes { get; set; } = ["openid", "profile", "email"];

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Only a local test provider may be served over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The AssetMap roles a set of provider role values grant.</summary>
    public IReadOnlyList<string> MapRoles(IEnumerable<string> values) =>
        [.. values
            .Select(v => RoleMap.TryGetValue(v, out var mapped) ? mapped : v)
            .Select(v => v.Trim().ToLowerInvariant())
            .Where(v => Roles.All.Contains(v))
            .Distinct()];
}
