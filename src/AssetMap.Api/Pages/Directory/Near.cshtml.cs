using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Directory;

/// <summary>"What's strong near this person": a postcode and some needs, answered need by need, nearest first.</summary>
internal sealed class NearModel(NeedsNearby nearby, CategoryTree categories, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Need { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Distance { get; set; }

    public IReadOnlyList<CategoryNode> Needs { get; private set; } = [];

    public IReadOnlyList<NeedAnswer> Answers { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public DateTime NowLocal { get; private set; }

    public bool Asked => Postcode is not null || Need.Count > 0;

    public int Miles => Distance ?? WebSearchForm.DefaultMiles;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Needs = await categories.GetAsync(ct);
        NowLocal = UkTime.Now(clock);
        if (!Asked)
        {
            return;
        }

        var (answers, errors) = await nearby.AnswerAsync(Postcode, Need, Miles, ct);
        Answers = answers;
        Errors = errors.Errors;
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string MoreHref(string need) => new WebSearchForm { Where = Postcode, Need = [need], Distance = Miles }.Href();
}
