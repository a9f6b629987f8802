using AssetMap.Api.Features.Directory;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AssetMap.Api.Pages.Account;

/// <summary>
/// Sign in with a user name and password (accounts are made by an admin), or with the council's identity provider when
/// one is configured. Wrong passwords count towards Identity's lockout; posts are limited per address
/// (<see cref="RateLimiting.SignInPolicy"/>) and per account name typed (<see cref="SignInThrottle"/>).
/// </summary>
[EnableRateLimiting(RateLimiting.SignInPolicy)]
internal sealed class SignInModel(SignInManager<Domain.Accounts.Account> signIn, SignInThrottle throttle, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>"Sign in with …" when a council provider is configured.</summary>
    public string? ProviderName { get; private set; }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? messages[0] : null;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        var oidc = OpenIdConnectSetup.Settings(configuration);
        ProviderName = oidc.IsConfigured ? oidc.DisplayName : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            Errors["user-name"] = ["Enter your user name"];
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors["password"] = ["Enter your password"];
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (!throttle.TryAcquire(UserName!))
        {
            Errors["user-name"] = ["Too many attempts to sign in to this account. Wait a few minutes and try again."];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Shortlist.SafeReturn(ReturnUrl, "/"));
        }

        Errors["user-name"] = [result.IsLockedOut
            ? $"This account is locked after {AccountsRegistration.MaxFailedAttempts} failed attempts. Try again in {AccountsRegistration.LockoutTime.TotalMinutes:0} minutes, or ask an admin to reset the password."
            : "Enter a correct user name and password. If it still fails, the account may be disabled: ask an admin."];
        Password = null;
        return Page();
    }
}
