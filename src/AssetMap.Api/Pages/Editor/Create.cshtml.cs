using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Editor;

/// <summary>An editor adds a hub, micro-enterprise or activity: the same form and rules as editing.</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class CreateModel(AssetEditor editor, EditorChoices choices) : PageModel
{
    public AssetFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (Kind(kind) is not { } k)
        {
            return NotFound();
        }

        await ShowAsync(k, AssetForm.Values(AssetForm.Blank(k)), new Dictionary<string, string[]>(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken ct)
    {
        if (Kind(kind) is not { } k)
        {
            return NotFound();
        }

        var posted = AssetForm.Posted(Request.Form, k);
        var errors = new EditErrors();
        var edit = AssetForm.Read(posted, k, null, errors);
        var result = errors.Any ? EditResult.Invalid(errors) : await editor.CreateAsync(k, edit, EditContext.Web(HttpContext), ct);
        if (result.Status == EditResult.Outcome.Created)
        {
            return Redirect($"/editor/assets/{result.Asset!.Id}/edit?saved=true");
        }

        await ShowAsync(k, posted, AssetForm.ForForm(result.Errors!), ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public static AssetKind? Kind(string kind) => kind switch
    {
        "hub" => AssetKind.Hub,
        "micro-enterprise" => AssetKind.MicroEnterprise,
        "activity" => AssetKind.Activity,
        _ => null,
    };

    private async Task ShowAsync(AssetKind kind, Dictionary<string, string?> values, IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        var (categories, hubs) = await choices.LoadAsync(ct);
        Form = new AssetFormView(kind, values, errors, categories, hubs);
    }
}
