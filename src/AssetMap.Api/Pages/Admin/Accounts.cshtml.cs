using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Admin;

/// <summary>
/// Admins list accounts and create them (there is no self-registration). The new account's password is shown once,
/// on the page after creating it, for the admin to pass on; it is stored only as Identity's hash.
/// </summary>
[Authorize(Policy = AuthPolicies.Admin)]
internal sealed class AccountsModel(AccountAdmin admin) : PageModel
{
    public IReadOnlyList<(Domain.Accounts.Account Account, IReadOnlyList<string> Roles)> Accounts { get; private set; } = [];

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Role { get; set; } = [];

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>Set once, after creating: the generated password to hand over.</summary>
    public string? CreatedPassword { get; private set; }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? messages[0] : null;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            Errors["user-name"] = ["Enter a user name"];
        }

        if (Errors.Count == 0)
        {
            var password = AccountAdmin.NewPassword();
            var result = await admin.CreateAsync(UserName!, DisplayName, password, Role);
            if (result.Succeeded)
            {
                CreatedPassword = password;
            }
            else
            {
                Errors["user-name"] = [.. result.Errors.Select(e => e.Description)];
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Accounts = await admin.ListAsync(ct);
        return Page();
    }
}
