using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Assets.ReadModel;

/// <summary>Reads published assets by id or slug into <see cref="AssetView"/>s: one SQL statement per call.</summary>
internal sealed class AssetReader(AssetMapDbContext db)
{
    /// <summary>The published asset with this id or slug (of <paramref name="kind"/> when given), or null.</summary>
    public Task<AssetView?> FindAsync(AssetKey key, AssetKind? kind, CancellationToken ct)
    {
        var published = Published().Where(a => kind == null || a.Kind == kind);
        var matching = key.Id is { } id ? published.Where(a => a.Id == id) : published.Where(a => a.Slug == key.Slug);
        return matching.ToViews().SingleOrDefaultAsync(ct);
    }

    /// <summary>Published assets by id, in one statement; ids with none are absent.</summary>
    public async Task<Dictionary<Guid, AssetView>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await Published().Where(a => ids.Contains(a.Id)).ToViews().ToDictionaryAsync(v => v.Id, ct);

    /// <summary>The published activities that meet at a venue, by name (the web directory's "also here").</summary>
    public Task<List<AssetView>> ActivitiesAtAsync(Guid venueId, CancellationToken ct) =>
        Published().Where(a => a.Kind == AssetKind.Activity && ((SocialPrescribingActivity)a).VenueId == venueId).OrderBy(a => a.Name).ToViews().ToListAsync(ct);

    /// <summary>Every published asset, in one statement (a whole-directory read: the feed's organizations).</summary>
    public Task<List<AssetView>> AllAsync(CancellationToken ct) => Published().ToViews().ToListAsync(ct);

    private IQueryable<Asset> Published() => db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published);
}
