using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Editor;

/// <summary>
/// An editor changes or archives one entry (any status). The form carries the version it started from; when someone
/// else saved meanwhile, the page says so and shows their version beside this editor's, to keep theirs or save this.
/// </summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class EditModel(AssetEditor editor, EditorChoices choices) : PageModel
{
    public Asset Asset { get; private set; } = null!;

    public AssetFormView Form { get; private set; } = null!;

    public uint Version { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>On a conflict: each differing field's saved (theirs) and submitted (yours) value.</summary>
    public IReadOnlyList<(string Field, string? Theirs, string? Yours)> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        if (await editor.LoadAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }

        Saved = saved;
        await ShowAsync(asset, AssetForm.Values(asset.ToEdit()), new Dictionary<string, string[]>(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, uint version, CancellationToken ct)
    {
        if (await editor.LoadAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }

        var posted = AssetForm.Posted(Request.Form, asset.Kind);
        var errors = new EditErrors();
        var edit = AssetForm.Read(posted, asset.Kind, asset.LastVerifiedAt, errors);
        if (errors.Any)
        {
            return await InvalidAsync(asset, posted, errors, version, ct);
        }

        var result = await editor.ReplaceAsync(id, edit, version, EditContext.Web(HttpContext), ct);
        switch (result.Status)
        {
            case EditResult.Outcome.Invalid:
                return await InvalidAsync(asset, posted, result.Errors!, version, ct);
            case EditResult.Outcome.Conflict when result.Asset is { } theirs:
                var saved = AssetForm.Values(theirs.ToEdit());
                Conflict = [.. posted.Keys.Where(k => !string.Equals(Norm(saved.GetValueOrDefault(k)), Norm(posted[k]), StringComparison.Ordinal))
                    .Select(k => (k, saved.GetValueOrDefault(k), posted[k]))];
                await ShowAsync(theirs, posted, new Dictionary<string, string[]>(), ct); // the form keeps yours, now against their version
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case EditResult.Outcome.Saved:
                return Redirect($"/editor/assets/{id}/edit?saved=true");
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, uint version, string? reason, CancellationToken ct)
    {
        var result = await editor.ArchiveAsync(id, version, reason, EditContext.Web(HttpContext), ct);
        if (result.Status == EditResult.Outcome.Conflict && result.Asset is { } theirs)
        {
            var errors = new EditErrors();
            errors.Add("archive", "Someone else changed this entry since you opened it: check their version below, then archive again.");
            await ShowAsync(theirs, AssetForm.Values(theirs.ToEdit()), errors.ByField, ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return result.Status == EditResult.Outcome.NotFound ? NotFound() : Redirect($"/editor/assets/{id}/edit?saved=true");
    }

    private async Task<IActionResult> InvalidAsync(Asset asset, Dictionary<string, string?> posted, EditErrors errors, uint version, CancellationToken ct)
    {
        await ShowAsync(asset, posted, AssetForm.ForForm(errors), ct);
        Version = version; // keep the version the editor started from
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task ShowAsync(Asset asset, Dictionary<string, string?> values, IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        var (categories, hubs) = await choices.LoadAsync(ct);
        Asset = asset;
        Version = asset.Version;
        Form = new AssetFormView(asset.Kind, values, errors, categories, [.. hubs.Where(h => h.Item1 != asset.Id)]);
    }

    private static string Norm(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
