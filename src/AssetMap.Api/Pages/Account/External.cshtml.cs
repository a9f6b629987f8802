using System.Security.Claims;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Account;

/// <summary>
/// Sign-in through the council's OpenID Connect provider: the post sends the browser there; the callback links the
/// provider's subject to a local account (made on first sign-in, named from the provider's name claim), sets the
/// account's roles from the provider's role claim, refuses a disabled account, and signs in with the usual cookie.
/// </summary>
internal sealed class ExternalModel(
    SignInManager<Domain.Accounts.Account> signIn,
    UserManager<Domain.Accounts.Account> users,
    AccountAdmin admin,
    IConfiguration configuration,
    ILogger<ExternalModel> logger) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnGet() => LocalRedirect(AuthSetup.SignInPath);

    public IActionResult OnPost(string? returnUrl)
    {
        if (!OpenIdConnectSetup.Settings(configuration).IsConfigured)
        {
            return NotFound();
        }

        var callback = $"/account/external?handler=callback&returnUrl={Uri.EscapeDataString(Shortlist.SafeReturn(returnUrl, "/"))}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSetup.Scheme, callback);
        return Challenge(properties, OpenIdConnectSetup.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var settings = OpenIdConnectSetup.Settings(configuration);
        var info = await signIn.GetExternalLoginInfoAsync();
        if (!settings.IsConfigured || info is null)
        {
            return Refuse("The sign-in with your council account did not complete. Try again.");
        }

        var roles = settings.MapRoles(info.Principal.FindAll(settings.RoleClaim).Select(c => c.Value));
        var account = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (account is null)
        {
            var name = LocalName(info.Principal.FindFirstValue(settings.NameClaim) ?? info.ProviderKey);
            account = new Domain.Accounts.Account(await UniqueAsync(name), info.Principal.FindFirstValue("name"));
            var created = await users.CreateAsync(account);
            if (created.Succeeded)
            {
                created = await users.AddLoginAsync(account, info);
            }

            if (!created.Succeeded)
            {
                Log.CouldNotLink(logger, string.Join("; ", created.Errors.Select(e => e.Description)));
                return Refuse("Your council account could not be linked to AssetMap. Ask an admin.");
            }
        }

        if (account.Disabled)
        {
            return Refuse("This account is disabled. Ask an admin.");
        }

        // The provider decides roles: what it no longer grants is taken away at the next sign-in.
        await admin.SetRolesAsync(account, roles);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(account, isPersistent: false, info.LoginProvider);
        return LocalRedirect(Shortlist.SafeReturn(returnUrl, "/"));
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private static string LocalName(string claimed)
    {
        var kept = new string([.. claimed.Where(c => char.IsAsciiLetterOrDigit(c) || "-._@+".Contains(c, StringComparison.Ordinal))]);
        return kept.Length == 0 ? "council-user" : kept[..Math.Min(kept.Length, 200)];
    }

    private async Task<string> UniqueAsync(string name)
    {
        var candidate = name;
        for (var n = 2; await users.FindByNameAsync(candidate) is not null; n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "An OpenID Connect sign-in could not be linked to a local account: {Reason}")]
    public static partial void CouldNotLink(ILogger logger, string reason);
}
