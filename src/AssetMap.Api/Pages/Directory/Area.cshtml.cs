using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Features.PcnAreas;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Pages.Directory;

/// <summary>One PCN area: its boundary on the map, counts by category and its entries, paged.</summary>
internal sealed class AreaModel(
    AssetMapDbContext db, PcnAreaStatistics statistics, AssetSearchValidator validator, AssetSearch search, TimeProvider clock,
    IOptions<DirectoryOptions> options) : PageModel
{
    public PcnAreaView Area { get; private set; } = null!;

    public PcnAreaCounts Counts { get; private set; } = null!;

    public AssetHitPage Results { get; private set; } = null!;

    public DateTime NowLocal { get; private set; }

    public DirectoryOptions Options => options.Value;

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")] // not the route value "page", which Razor Pages fills with the page's path
    public int? PageNumber { get; set; }

    public int PageCount => SearchModel.KnownPages(Results, PageNumber ?? 1, SearchModel.PageSize);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        if (await db.PcnAreas.AsNoTracking().Where(a => a.Code == normalised).ToViews().SingleOrDefaultAsync(ct) is not { } area)
        {
            return NotFound();
        }

        var (criteria, errors) = await validator.CheckAsync(
            new SearchInput { PcnCode = area.Code, Page = PageNumber, PageSize = SearchModel.PageSize }, WebSearchForm.Names, ct);
        if (criteria is null)
        {
            return BadRequest(errors.Summary);
        }

        Area = area;
        NowLocal = UkTime.Now(clock);
        Counts = await statistics.CountAsync(area.Code, ct);
        Results = await search.SearchAsync(criteria, ct);
        return Page();
    }
}
