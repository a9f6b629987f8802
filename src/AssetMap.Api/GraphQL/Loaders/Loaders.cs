using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.GraphQL.Loaders;

/// <summary>Activities' venues: published hubs by id.</summary>
internal sealed class VenueLoader(AssetMapDbContext db) : BatchLoader<Guid, AssetNode>
{
    protected override async Task<Dictionary<Guid, AssetNode>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        await db.Hubs.AsNoTracking().Where(h => keys.Contains(h.Id) && h.Status == AssetStatus.Published)
            .ToDictionaryAsync(h => h.Id, h => new AssetNode(h, null), ct);
}

/// <summary>PCN areas by code.</summary>
internal sealed class PcnAreaLoader(AssetMapDbContext db) : BatchLoader<string, PcnArea>
{
    protected override async Task<Dictionary<string, PcnArea>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await db.PcnAreas.AsNoTracking().Where(p => keys.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
}

/// <summary>Each asset's categories, by asset id.</summary>
internal sealed class AssetCategoriesLoader(AssetMapDbContext db) : BatchLoader<Guid, IReadOnlyList<CategoryRef>>
{
    protected override async Task<Dictionary<Guid, IReadOnlyList<CategoryRef>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var rows = await db.Assets.AsNoTracking().Where(a => keys.Contains(a.Id))
            .SelectMany(a => a.Categories.Select(c => new { AssetId = a.Id, c.Slug, c.Name }))
            .ToListAsync(ct);
        var byAsset = rows.ToLookup(r => r.AssetId);
        return keys.ToDictionary(
            key => key,
            key => (IReadOnlyList<CategoryRef>)[.. byAsset[key].OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new CategoryRef(r.Slug, r.Name))]);
    }
}
