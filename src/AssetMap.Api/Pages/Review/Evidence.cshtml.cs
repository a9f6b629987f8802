using AssetMap.Api.Features.Evidence;
using AssetMap.Api.Features.Freshness;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Review;

/// <summary>Editors' list of micro-enterprises whose evidence has expired or expires soon.</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class EvidenceModel(EvidenceQueue queue) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyList<EvidenceDueEntry> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int Within { get; private set; } = WithinDays.Default;

    public int Current { get; private set; } = 1;

    public int Pages => (Total + PageSize - 1) / PageSize;

    public async Task OnGetAsync(string? within, int? p, CancellationToken ct)
    {
        Within = WithinDays.Parse(within, new ParameterErrors()) ?? WithinDays.Default;
        Current = Math.Max(p ?? 1, 1);
        (Items, Total) = await queue.DueAsync(Within, Current, PageSize, ct);
    }
}
