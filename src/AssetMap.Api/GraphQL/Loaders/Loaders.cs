using System.Text.Json;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.GraphQL.Loaders;

/// <summary>Activities' venues, when a query asks more of them than the activity's record holds: published hubs by id.</summary>
internal sealed class VenueLoader(AssetReader reader) : BatchLoader<Guid, AssetHit>
{
    protected override async Task<Dictionary<Guid, AssetHit>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        (await reader.FindManyAsync(keys, ct)).ToDictionary(v => v.Key, v => new AssetHit(v.Value, null));
}

/// <summary>PCN boundaries by code as GeoJSON text, read only when a query asks for <c>boundary</c>.</summary>
internal sealed class PcnBoundaryLoader(AssetMapDbContext db) : BatchLoader<string, string>
{
    protected override async Task<Dictionary<string, string>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await db.PcnAreas.AsNoTracking().Where(p => keys.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => JsonSerializer.Serialize(GeoJsonGeometry.From(p.Boundary), JsonSerializerOptions.Web), ct);
}
