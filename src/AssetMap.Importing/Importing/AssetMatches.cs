using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Importing;

/// <summary>
/// Which existing assets a file's rows match (by reference, else by normalised name + postcode). One query per file
/// finds them, as ids by match key; each batch then loads its own matches by primary key, rather than every batch
/// scanning the table for references and names (neither is indexed, and the table may hold a million rows).
/// </summary>
internal sealed class AssetMatches(AssetMapDbContext db)
{
    private readonly Dictionary<string, Guid> _existing = new(StringComparer.Ordinal);

    /// <summary>Finds the existing assets that rows with these references, or (without one) these names, may match.</summary>
    public async Task IndexAsync(IReadOnlyCollection<string> refs, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var lowerNames = names.Select(n => n.ToLowerInvariant()).Distinct().ToList();
        var refList = refs.Distinct().ToList();
#pragma warning disable CA1304, CA1311 // EF translates ToLower() to SQL lower(): no .NET culture is involved.
        var found = await db.Assets.AsNoTracking()
            .Where(a => (a.Source.ExternalRef != null && refList.Contains(a.Source.ExternalRef)) || lowerNames.Contains(a.Name.ToLower()))
            .Select(a => new { a.Id, a.Kind, a.Source.ExternalRef, a.Name, a.Address.Postcode })
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311
        foreach (var asset in found)
        {
            if (asset.ExternalRef is { } reference)
            {
                _existing.TryAdd($"ref:{asset.Kind}:{reference.ToUpperInvariant()}", asset.Id);
            }

            _existing.TryAdd($"name:{asset.Kind}:{AssetRowMapper.Normalise(asset.Name)}:{asset.Postcode?.Value}", asset.Id);
        }
    }

    /// <summary>The batch's existing assets (tracked, categories included) by the candidates' match keys.</summary>
    public async Task<Dictionary<string, Asset>> LoadAsync(IReadOnlyList<AssetCandidate> candidates, CancellationToken ct)
    {
        var ids = candidates.Select(c => _existing.TryGetValue(c.MatchKey, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Assets.Include(a => a.Categories).AsSplitQuery().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return candidates.Where(c => _existing.TryGetValue(c.MatchKey, out var id) && found.ContainsKey(id))
            .DistinctBy(c => c.MatchKey).ToDictionary(c => c.MatchKey, c => found[_existing[c.MatchKey]]);
    }
}
