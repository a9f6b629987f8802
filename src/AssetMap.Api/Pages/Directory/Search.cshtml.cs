using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Pages.Directory;

/// <summary>The directory's front page: the search form, then results as a list and (with JavaScript) a map.</summary>
internal sealed class SearchModel(
    AssetSearchValidator validator, AssetSearch search, PlaceNames places, CategoryTree categories, TimeProvider clock,
    IOptions<DirectoryOptions> options) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public WebSearchForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public AssetHitPage? Results { get; private set; }

    public PlaceMatch? Place { get; private set; }

    public IReadOnlyList<CategoryNode> Needs { get; private set; } = [];

    public DateTime NowLocal { get; private set; }

    public DirectoryOptions Options => options.Value;

    public int PageCount => Results is null ? 0 : KnownPages(Results, CurrentPage, PageSize);

    public int CurrentPage => Form.Page ?? 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        NowLocal = UkTime.Now(clock);
        Needs = await categories.GetAsync(ct);
        var errors = new ParameterErrors();
        Place = await places.FindAsync(Form.Where, WebSearchForm.Names.Postcode, errors, ct);
        if (errors.Any)
        {
            Errors = errors.Errors;
            return;
        }

        var (criteria, checkErrors) = await validator.CheckAsync(Form.ToInput(Place, PageSize), WebSearchForm.Names, ct);
        if (criteria is null)
        {
            Errors = checkErrors.Errors;
            return;
        }

        Results = await search.SearchAsync(criteria, ct);
    }

    public string Describe()
    {
        var count = Results?.TotalCount ?? 0;
        var things = Results is { TotalCountIsLowerBound: true } ? $"More than {count:N0} results" : count == 1 ? "1 result" : $"{count:N0} results";
        return Place switch
        {
            { HasPoint: true } => $"{things} within {Form.Distance ?? WebSearchForm.DefaultMiles} miles of {Place.Description}",
            { AreaCode: not null } => $"{things} in {Place.Description}",
            _ => things,
        };
    }

    /// <summary>Pages to link: when the count is a lower bound (more than 1,000), at least one past this page.</summary>
    public static int KnownPages(AssetHitPage results, int current, int pageSize)
    {
        var counted = Math.Max(1, (results.TotalCount + pageSize - 1) / pageSize);
        return results.TotalCountIsLowerBound && results.Items.Count > 0 ? Math.Max(counted, current + 1) : counted;
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
