using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.Suggestions;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AssetMap.Api.Pages.Directory;

/// <summary>
/// "Report a change" on a public entry: anyone may propose new values for a few public fields with a note. Stored
/// for editors, never applied directly; a honeypot field instead of a captcha; its own strict rate limit on posts;
/// antiforgery on (Razor Pages validate every post).
/// </summary>
[EnableRateLimiting(RateLimiting.PublicFormPolicy)]
internal sealed class ReportModel(AssetReader reader, SuggestionReview review) : PageModel
{
    /// <summary>The honeypot: hidden from people, filled in by form-filling bots.</summary>
    public const string Honeypot = "homepage";

    public AssetView View { get; private set; } = null!;

    public Dictionary<string, string?> Values { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, bool sent, CancellationToken ct)
    {
        if (await FindAsync(key, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Values = Current(view);
        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await FindAsync(key, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        var thanks = Redirect($"/directory/{view.Slug}/report?sent=true");
        if (!string.IsNullOrEmpty(Request.Form[Honeypot]))
        {
            return thanks; // a bot: answered as if sent, stored nowhere
        }

        var current = Current(view);
        Values = current.Keys.ToDictionary(k => k, k => (string?)Request.Form[k].ToString(), StringComparer.Ordinal);
        Values["note"] = Request.Form["note"];
        Values["contact"] = Request.Form["contact"];

        // Only what the person changed is proposed.
        var proposed = current.Keys
            .Where(k => !string.Equals(Values[k]?.Trim() ?? "", current[k]?.Trim() ?? "", StringComparison.Ordinal))
            .ToDictionary(k => k, k => Values[k], StringComparer.Ordinal);
        var errors = new EditErrors();
        if (await review.SubmitAsync(view.Id, view.Kind, proposed, Values["note"], Values["contact"], errors, ct) is null)
        {
            Errors = errors.ByField;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return thanks;
    }

    public FormField Field(string name, string label, string? hint = null, bool multiline = false, string type = "text", string? autocomplete = null) =>
        new(name, label, Values.GetValueOrDefault(name), Errors, hint, multiline, type, autocomplete);

    private async Task<AssetView?> FindAsync(string key, CancellationToken ct) =>
        AssetKey.TryParse(key, out var assetKey) ? await reader.FindAsync(assetKey, null, ct) : null;

    // What the public already sees (never the hidden home's street line): the form starts from it.
    private static Dictionary<string, string?> Current(AssetView view)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["description"] = view.Description,
            ["address.line"] = view.AddressLine,
            ["contact.phone"] = view.Contact.Phone,
            ["contact.email"] = view.Contact.Email,
            ["contact.website"] = view.Contact.Website,
        };
        if (view.Kind == AssetKind.Hub)
        {
            values["hub.openingHours"] = view.Hub?.OpeningHours?.ToString();
        }

        return values;
    }
}
