using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Pages.TimeBank.Members;

/// <summary>Leaving anonymises a member for good, so the broker confirms on a page of its own first.</summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class LeaveModel(AssetMapDbContext db, MemberEditor editor) : PageModel
{
    public TimeBankMember Member { get; private set; } = null!;

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

        Member = member;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, uint version, CancellationToken ct)
    {
        var result = await editor.LeaveAsync(id, version, EditContext.Web(HttpContext), ct);
        switch (result.Status)
        {
            case MemberResult.Outcome.Saved:
                return Redirect($"/timebank/members/{id}?done=left");
            case MemberResult.Outcome.Conflict when result.Member is { } theirs:
                Member = theirs;
                Conflict = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case MemberResult.Outcome.NotFound:
                return NotFound();
            default:
                return Redirect($"/timebank/members/{id}?done=refused");
        }
    }
}
