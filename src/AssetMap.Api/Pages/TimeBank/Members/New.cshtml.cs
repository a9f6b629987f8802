using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Features.TimeBank.Web;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.TimeBank.Members;

/// <summary>The broker adds a member; MemberEditor checks, coarsens the postcode and writes history.</summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class NewModel(MemberEditor editor, AssetMapDbContext db) : PageModel
{
    public MemberForm Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Form = new MemberForm(new Dictionary<string, string?>(), [], [], new Dictionary<string, string[]>(), await TimeBankChoices.CategoriesAsync(db, ct), null);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (values, offered, wanted) = MemberForm.Posted(Request.Form);
        var result = await editor.CreateAsync(MemberForm.Input(values, offered, wanted), EditContext.Web(HttpContext), ct);
        if (result.Status == MemberResult.Outcome.Created)
        {
            return Redirect($"/timebank/members/{result.Member!.Id}?done=added");
        }

        Form = new MemberForm(values, offered, wanted, result.Errors?.ByField ?? new Dictionary<string, string[]>(), await TimeBankChoices.CategoriesAsync(db, ct), null);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
