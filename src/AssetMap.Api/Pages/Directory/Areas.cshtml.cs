using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Pages.Directory;

/// <summary>Browse by PCN area: the areas, without their boundaries.</summary>
internal sealed class AreasModel(AssetMapDbContext db) : PageModel
{
    public IReadOnlyList<PcnAreaView> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Areas = await db.PcnAreas.AsNoTracking().OrderBy(a => a.Name).ToViews().ToListAsync(ct);
}
