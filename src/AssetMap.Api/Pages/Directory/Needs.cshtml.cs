using AssetMap.Api.Features.Categories;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Directory;

/// <summary>Browse by need: the category tree with counts; each need links to the search.</summary>
internal sealed class NeedsModel(CategoryTree categories) : PageModel
{
    public IReadOnlyList<CategoryNode> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tree = await categories.GetAsync(ct);
}
