using System.Security.Claims;
using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// Identity's sign-in cookie: HTTP-only, SameSite=Lax, Secure whenever the request came over HTTPS, eight hours sliding.
/// Every request re-reads the account (one primary-key query): a disabled account, a reset password or changed roles
/// (all change the security stamp) end the session at once rather than at the next periodic check.
/// </summary>
internal static class CookieSetup
{
    public const string CookieName = "am-session";

    public static void Application(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = AuthSetup.SignInPath;
        options.LogoutPath = "/account/sign-out";
        options.AccessDeniedPath = AuthSetup.AccessDeniedPath;
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToLogin = context => AuthSetup.IsApi(context.Request)
            ? AuthSetup.WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
            : Redirect(context);
        options.Events.OnRedirectToAccessDenied = context => AuthSetup.IsApi(context.Request)
            ? AuthSetup.WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden)
            : Redirect(context);
    }

    /// <summary>The short-lived cookie that carries an OpenID Connect sign-in to the callback page.</summary>
    public static void External(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "am-external";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<Account>>();
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = id is null ? null : await users.FindByIdAsync(id);
        if (account is null || account.Disabled || account.SecurityStamp != context.Principal!.FindFirstValue(stampType))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
