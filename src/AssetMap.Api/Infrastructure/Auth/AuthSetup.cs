using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// Who is calling. One default scheme, <see cref="Scheme"/>, picks per request: <c>Authorization: Bearer …</c> goes to
/// JwtBearer (programs; validated against <c>Authentication:Schemes:Bearer</c>, which <c>dotnet user-jwts</c> writes in
/// Development), anything else to Identity's application cookie (people signed in on the web, with a local password or
/// a council's OpenID Connect provider). Anonymous callers keep every public read; endpoints that need a role name an
/// <see cref="AuthPolicies"/> policy. API paths answer 401/403 as problem documents, pages redirect to sign-in or
/// access denied.
/// </summary>
internal static class AuthSetup
{
    /// <summary>The default scheme: forwards to JwtBearer or the Identity cookie.</summary>
    public const string Scheme = "AssetMap";

    public const string SignInPath = "/account/sign-in";
    public const string AccessDeniedPath = "/account/access-denied";

    public static IServiceCollection AddAssetMapAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAssetMapAccounts()
            .AddSignInManager<AccountSignInManager>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", options =>
                options.ForwardDefaultSelector = context => HasBearer(context.Request)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(options =>
            {
                // Role claims arrive as "role" (user-jwts, most identity providers); keep names as sent.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.NameClaimType = "sub";
                options.Events = new BearerEvents();
            });
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(CookieSetup.Application);
        services.ConfigureExternalCookie(CookieSetup.External);
        OpenIdConnectSetup.AddIfConfigured(authentication, configuration);

        services.AddAuthorization(AuthPolicies.Add);
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    /// <summary>
    /// Authentication, authorisation, then antiforgery for minimal-API form endpoints (<c>[FromForm]</c>, <c>IFormFile</c>):
    /// they demand this middleware. Razor Pages check their own tokens; endpoints that programs post with a bearer token
    /// (immune to cross-site forgery) opt out with <c>.DisableAntiforgery()</c>.
    /// </summary>
    public static IApplicationBuilder UseAssetMapAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseAntiforgery();

    /// <summary>API surfaces answer with status codes and problem documents; everything else is a page.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openreferral", StringComparison.OrdinalIgnoreCase);

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    internal static Task WriteProblemAsync(HttpContext context, int status) =>
        ProblemResponses.WriteAsync(context, new()
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Sign-in required" : "Not allowed",
            Detail = status == StatusCodes.Status401Unauthorized
                ? "Send a valid bearer token (Authorization: Bearer …) or sign in."
                : "The signed-in account does not hold a role this needs.",
        });
}
