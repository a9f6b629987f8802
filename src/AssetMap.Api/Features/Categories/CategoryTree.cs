using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Categories;

/// <summary>The taxonomy with counts of published assets, shared by REST and GraphQL.</summary>
internal sealed class CategoryTree(AssetMapDbContext db)
{
    public async Task<List<CategoryNode>> GetAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var tagged = db.Assets.Where(a => a.Status == AssetStatus.Published)
            .SelectMany(a => a.Categories.Select(c => new { AssetId = a.Id, CategoryId = c.Id, TopId = c.ParentId ?? c.Id }));
        var own = await tagged.GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // A parent counts each asset once, whether tagged with the parent or with any of its children.
        var families = await tagged.GroupBy(t => t.TopId)
            .Select(g => new { g.Key, Count = g.Select(t => t.AssetId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        return [.. categories.Where(c => c.ParentId is null).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(parent => new CategoryNode(
                parent.Slug,
                parent.Name,
                families.GetValueOrDefault(parent.Id),
                [.. categories.Where(c => c.ParentId == parent.Id).OrderBy(c => c.Name, StringComparer.Ordinal)
                    .Select(child => new CategoryNode(child.Slug, child.Name, own.GetValueOrDefault(child.Id), []))]))];
    }
}
