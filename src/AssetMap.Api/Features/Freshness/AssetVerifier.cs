using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Freshness;

/// <summary>
/// "Confirm unchanged": stamps the entry's last check and records it in history (action <c>verified</c>, the one field
/// that changed), in one save. Shared by the REST endpoint and the editors' page, which differ only in the source.
/// </summary>
internal sealed class AssetVerifier(AssetMapDbContext db, TimeProvider clock)
{
    /// <summary>The asset as verified, or null when no record (or only an archived one) has this id.</summary>
    public async Task<Asset?> VerifyAsync(Guid id, string actor, AuditSource source, string sourceDetail, CancellationToken ct)
    {
        var asset = await db.Assets.Include(a => a.Categories).SingleOrDefaultAsync(a => a.Id == id && a.Status != AssetStatus.Archived, ct);
        if (asset is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var before = AssetSnapshot.Of(asset);
        asset.Verify(now);
        db.AuditEntries.Add(AuditEntry.Record("asset", asset.Id, "verified", actor, source, sourceDetail, AssetSnapshot.Changes(before, AssetSnapshot.Of(asset)), now));
        await db.SaveChangesAsync(ct);
        return asset;
    }
}
