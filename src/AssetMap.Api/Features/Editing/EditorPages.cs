using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Editing;

/// <summary>The choices the entry form offers: categories and hubs (activity venues).</summary>
internal sealed class EditorChoices(AssetMapDbContext db)
{
    public async Task<(List<(string, string)> Categories, List<(Guid, string)> Hubs)> LoadAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).ToListAsync(ct);
        var hubs = await db.Hubs.AsNoTracking().OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(ct);
        return ([.. categories.Select(c => (c.Slug, c.Name))], [.. hubs.Select(h => (h.Id, h.Name))]);
    }
}
