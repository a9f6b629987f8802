using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.History;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Editor;

/// <summary>Every change to one entry, newest first, for editors.</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class HistoryModel(AssetEditor editor, AuditQueries audit) : PageModel
{
    public Asset Asset { get; private set; } = null!;

    public IReadOnlyList<HistoryEntryResponse> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await editor.LoadAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }

        Asset = asset;
        Entries = await audit.ForAssetAsync(id, ct);
        return Page();
    }
}
