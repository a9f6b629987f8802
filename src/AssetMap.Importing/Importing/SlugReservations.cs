using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Importing;

/// <summary>
/// Unique slugs for new assets. Names repeat across towns ("Lunch club"): name, then name + town, then a counter.
/// The first two are looked up for a whole batch in one query; a counter is rare and checked one by one, so a slug
/// an earlier file numbered ("lunch-club-grays-3") is never handed out twice.
/// </summary>
internal sealed class SlugReservations(AssetMapDbContext db)
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public async Task ReserveTakenAsync(IReadOnlyList<AssetCandidate> candidates, CancellationToken ct)
    {
        var wanted = candidates.SelectMany(c => new[] { Slug.From(c.Profile.Name), Slug.From($"{c.Profile.Name} {c.Profile.Address.Town}") })
            .Where(s => !_taken.Contains(s)).Distinct().ToList();
        _taken.UnionWith(await db.Assets.Where(a => wanted.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(ct));
    }

    public async Task<string> UniqueAsync(Asset asset, CancellationToken ct)
    {
        var n = 0;
        foreach (var slug in Slug.Candidates(asset.Name, asset.Address.Town))
        {
            if (await TakeAsync(slug, checkDatabase: ++n > 2, ct))
            {
                return slug;
            }
        }

        throw new InvalidOperationException("Slug candidates never end.");
    }

    private async Task<bool> TakeAsync(string slug, bool checkDatabase, CancellationToken ct)
    {
        if (_taken.Contains(slug) || (checkDatabase && await db.Assets.AnyAsync(a => a.Slug == slug, ct)))
        {
            _taken.Add(slug);
            return false;
        }

        return _taken.Add(slug);
    }
}
