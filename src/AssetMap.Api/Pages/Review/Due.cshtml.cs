using AssetMap.Api.Features.Freshness;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Review;

/// <summary>Editors' list of entries due for review, most overdue first, each with "Confirm unchanged".</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class DueModel(ReviewQueue queue, AssetVerifier verifier) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyList<DueEntry> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int Within { get; private set; } = WithinDays.Default;

    public int Current { get; private set; } = 1;

    public int Pages => (Total + PageSize - 1) / PageSize;

    [TempData]
    public string? Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(string? within, int? p, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        Within = WithinDays.Parse(within, errors) ?? WithinDays.Default;
        Current = Math.Max(p ?? 1, 1);
        (Items, Total) = await queue.DueAsync(Within, Current, PageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, int? within, int? p, CancellationToken ct)
    {
        var asset = await verifier.VerifyAsync(id, User.Identity?.Name ?? "unknown", AuditSource.Web, "review page", ct);
        if (asset is null)
        {
            return NotFound();
        }

        Confirmed = asset.Name;
        return RedirectToPage(new { within = within ?? WithinDays.Default, p });
    }
}
