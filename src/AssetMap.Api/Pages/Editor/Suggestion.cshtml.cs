using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.Suggestions;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Editor;

/// <summary>One suggestion beside the entry's current values: accept (applied as an edit) or dismiss with a reason.</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class SuggestionModel(SuggestionReview review) : PageModel
{
    public SuggestionResponse Suggestion { get; private set; } = null!;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await review.GetAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Suggestion = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        var (decided, _, errors) = await review.AcceptAsync(id, EditContext.ActorOf(User), ct);
        return decided is not null ? Redirect($"/editor/suggestions/{id}") : await ShowErrorsAsync(id, errors, ct);
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        var (decided, errors) = await review.DismissAsync(id, EditContext.ActorOf(User), reason, ct);
        return decided is not null ? Redirect($"/editor/suggestions/{id}") : await ShowErrorsAsync(id, errors, ct);
    }

    private async Task<IActionResult> ShowErrorsAsync(Guid id, EditErrors? errors, CancellationToken ct)
    {
        if (errors is null || await review.GetAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Suggestion = found;
        Errors = errors.ByField;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
