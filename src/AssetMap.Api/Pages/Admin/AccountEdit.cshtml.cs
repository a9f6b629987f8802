using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Admin;

/// <summary>One account: change its roles, disable or enable it, reset its password. Each change ends its sessions.</summary>
[Authorize(Policy = AuthPolicies.Admin)]
internal sealed class AccountEditModel(AccountAdmin admin, UserManager<Domain.Accounts.Account> users) : PageModel
{
    public Domain.Accounts.Account Account { get; private set; } = null!;

    public IList<string> Held { get; private set; } = [];

    public string? Message { get; private set; }

    public string? NewPassword { get; private set; }

    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(Guid id, List<string> role) =>
        await ChangeAsync(id, () => admin.SetRolesAsync(Account, role), "Roles saved.");

    public async Task<IActionResult> OnPostDisableAsync(Guid id)
    {
        if (await LoadAsync(id) && Account.UserName == User.Identity?.Name)
        {
            Problems.Add("You cannot disable your own account: ask another admin.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await ChangeAsync(id, () => admin.DisableAsync(Account), "Account disabled: it can no longer sign in.");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id) =>
        await ChangeAsync(id, () => admin.EnableAsync(Account), "Account enabled.");

    public async Task<IActionResult> OnPostResetAsync(Guid id)
    {
        var password = AccountAdmin.NewPassword();
        var answer = await ChangeAsync(id, () => admin.ResetPasswordAsync(Account, password), "Password reset.");
        NewPassword = Problems.Count == 0 ? password : null;
        return answer;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account)
        {
            return false;
        }

        Account = account;
        Held = await users.GetRolesAsync(account);
        return true;
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task<IdentityResult>> change, string done)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await change();
        if (result.Succeeded)
        {
            Message = done;
        }
        else
        {
            Problems.AddRange(result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(id);
        return Page();
    }
}
