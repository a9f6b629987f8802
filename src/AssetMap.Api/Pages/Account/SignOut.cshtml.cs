using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Account;

/// <summary>Sign out: a post (with its antiforgery token) ends the cookie; a plain visit shows the button.</summary>
internal sealed class SignOutModel(SignInManager<Domain.Accounts.Account> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/account/sign-out?handler=done");
    }

    public void OnGetDone() => SignedOut = true;

    public bool SignedOut { get; private set; }
}
