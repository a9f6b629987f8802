using AssetMap.Api.Features.Suggestions;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Suggestions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Editor;

/// <summary>The editors' queue of pending suggestions, oldest first.</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class SuggestionsModel(SuggestionReview review) : PageModel
{
    public IReadOnlyList<SuggestionResponse> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Pending = await review.ListAsync(SuggestionStatus.Pending, ct);
}
