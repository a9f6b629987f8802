using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Features.TimeBank.Web;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Pages.TimeBank.Members;

/// <summary>
/// The broker edits a member. The form carries the version it started from: when someone else saved meanwhile the page
/// says so, keeps this broker's values and takes their version, so saving again knowingly replaces theirs.
/// </summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class EditModel(MemberEditor editor, AssetMapDbContext db) : PageModel
{
    public TimeBankMember Member { get; private set; } = null!;

    public MemberForm Form { get; private set; } = null!;

    public uint Version { get; private set; }

    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.TimeBankMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is not { } member)
        {
            return NotFound();
        }

        if (member.Status == MemberStatus.Left)
        {
            return Redirect($"/timebank/members/{id}");
        }

        var (values, offered, wanted) = MemberForm.Of(member);
        await ShowAsync(member, values, offered, wanted, new Dictionary<string, string[]>(), member.Version, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, uint version, CancellationToken ct)
    {
        var (values, offered, wanted) = MemberForm.Posted(Request.Form);
        var result = await editor.UpdateAsync(id, MemberForm.Input(values, offered, wanted), version, EditContext.Web(HttpContext), ct);
        switch (result.Status)
        {
            case MemberResult.Outcome.Saved:
                return Redirect($"/timebank/members/{id}?done=saved");
            case MemberResult.Outcome.Conflict when result.Member is { } theirs:
                Conflict = true;
                await ShowAsync(theirs, values, offered, wanted, new Dictionary<string, string[]>(), theirs.Version, ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case MemberResult.Outcome.Invalid:
                var member = await db.TimeBankMembers.AsNoTracking().SingleAsync(m => m.Id == id, ct);
                await ShowAsync(member, values, offered, wanted, result.Errors!.ByField, version, ct); // keep the version the broker started from
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task ShowAsync(TimeBankMember member, IReadOnlyDictionary<string, string?> values, string[] offered, string[] wanted,
        IReadOnlyDictionary<string, string[]> errors, uint version, CancellationToken ct)
    {
        Member = member;
        Version = version;
        Form = new MemberForm(values, offered, wanted, errors, await TimeBankChoices.CategoriesAsync(db, ct), member.PostcodeSector);
    }
}
