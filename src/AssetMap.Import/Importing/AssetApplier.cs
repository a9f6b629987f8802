using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Importing;

/// <summary>What applying the candidates did (inside the caller's transaction, before SaveChanges).</summary>
internal sealed record ApplyOutcome(
    int Created, int Updated, int Unchanged, int Archived, IReadOnlyList<RowContext> Rejected,
    IReadOnlyList<string> MissingFromFile);

/// <summary>Creates, updates or leaves alone the asset each candidate row describes. Hubs first, so activities can name them as venues.</summary>
internal sealed class AssetApplier(AssetMapDbContext db, string fileName, DateTimeOffset now)
{
    public async Task<ApplyOutcome> ApplyAsync(IReadOnlyList<AssetCandidate> candidates, bool archiveMissing, CancellationToken ct)
    {
        var existing = await MatchesAsync(candidates, ct);
        var slugs = await TakenSlugsAsync(candidates, ct);
        var hubsByRef = await db.Hubs.Where(h => h.Source.ExternalRef != null)
            .Select(h => new { h.Id, h.Source.ExternalRef }).ToListAsync(ct);
        var venueIds = hubsByRef.GroupBy(h => h.ExternalRef!.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
        int created = 0, updated = 0, unchanged = 0;
        var rejected = new List<RowContext>();
        var touched = new HashSet<Guid>();

        foreach (var candidate in candidates.OrderBy(c => c.Kind == AssetKind.Hub ? 0 : 1))
        {
            var fresh = Build(candidate, venueIds);
            if (fresh is null)
            {
                rejected.Add(candidate.Row);
                continue;
            }

            if (existing.TryGetValue(candidate.MatchKey, out var asset))
            {
                touched.Add(asset.Id);
                if (AssetFingerprint.Of(asset) == AssetFingerprint.Of(fresh))
                {
                    unchanged++;
                }
                else
                {
                    Update(asset, candidate, fresh);
                    updated++;
                }
            }
            else
            {
                fresh.Reslug(UniqueSlug(fresh, slugs));
                db.Assets.Add(fresh);
                touched.Add(fresh.Id);
                created++;
                asset = fresh;
            }

            if (candidate.Kind == AssetKind.Hub && candidate.Ref is { } reference)
            {
                venueIds[reference.ToUpperInvariant()] = asset.Id;
            }
        }

        var (archived, missing) = await MissingAsync(candidates, touched, archiveMissing, ct);
        return new ApplyOutcome(created, updated, unchanged, archived, rejected, missing);
    }

    // A new, unsaved asset built from the row through the domain factories: the shape an existing asset is compared to.
    private static Asset? Build(AssetCandidate c, Dictionary<string, Guid> venueIds)
    {
        switch (c.Kind)
        {
            case AssetKind.Hub:
                return CommunityHub.Create(c.Profile, c.Categories, c.OpeningHours, c.Facilities);
            case AssetKind.MicroEnterprise:
                return MicroEnterprise.Create(c.Profile, c.Categories, c.Enterprise!);
            default:
                var draft = c.Activity!;
                Guid? venue = null;
                if (draft.VenueRef is { } venueRef)
                {
                    if (!venueIds.TryGetValue(venueRef.ToUpperInvariant(), out var id))
                    {
                        c.Row.Error("venueRef", $"'{venueRef}' is not the reference of a hub in this file or the directory.");
                        return null;
                    }

                    venue = id;
                }

                return SocialPrescribingActivity.Create(c.Profile, c.Categories,
                    new ActivityDetails(draft.Provider, venue, draft.Schedule, draft.Cost, draft.Eligibility, draft.Referral, draft.Capacity));
        }
    }

    // A changed row updates the record and marks it verified now, unless the file says when it was verified.
    private void Update(Asset asset, AssetCandidate candidate, Asset fresh)
    {
        asset.ApplyProfile(candidate.Profile with { LastVerifiedAt = candidate.Profile.LastVerifiedAt ?? now });
        asset.SetCategories(candidate.Categories);
        switch (asset, fresh)
        {
            case (CommunityHub hub, CommunityHub from):
                hub.SetHubDetails(from.OpeningHours, from.Facilities);
                break;
            case (MicroEnterprise me, _):
                me.SetDetails(candidate.Enterprise!);
                break;
            case (SocialPrescribingActivity activity, SocialPrescribingActivity from):
                activity.SetDetails(new ActivityDetails(from.Provider, from.VenueId, from.Schedule, from.Cost, from.Eligibility, from.Referral, from.Capacity));
                break;
        }

    }

    private async Task<Dictionary<string, Asset>> MatchesAsync(IReadOnlyList<AssetCandidate> candidates, CancellationToken ct)
    {
        var refs = candidates.Where(c => c.Ref is not null).Select(c => c.Ref!).Distinct().ToList();
        var names = candidates.Select(c => c.Profile.Name.ToLowerInvariant()).Distinct().ToList();
#pragma warning disable CA1304, CA1311 // EF translates ToLower() to SQL lower(): no .NET culture is involved.
        var found = await db.Assets.Include(a => a.Categories)
            .Where(a => (a.Source.ExternalRef != null && refs.Contains(a.Source.ExternalRef)) || names.Contains(a.Name.ToLower()))
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311
        var byKey = new Dictionary<string, Asset>();
        foreach (var asset in found)
        {
            if (asset.Source.ExternalRef is { } reference)
            {
                byKey.TryAdd($"ref:{asset.Kind}:{reference.ToUpperInvariant()}", asset);
            }

            byKey.TryAdd($"name:{asset.Kind}:{AssetRowMapper.Normalise(asset.Name)}:{asset.Address.Postcode?.Value}", asset);
        }

        return byKey;
    }

    private async Task<HashSet<string>> TakenSlugsAsync(IReadOnlyList<AssetCandidate> candidates, CancellationToken ct)
    {
        var wanted = candidates.SelectMany(c => new[] { Slug.From(c.Profile.Name), Slug.From($"{c.Profile.Name} {c.Profile.Address.Town}") }).Distinct().ToList();
        return [.. await db.Assets.Where(a => wanted.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(ct)];
    }

    // Names repeat across towns ("Lunch club"): name, then name + town, then a counter.
    private static string UniqueSlug(Asset asset, HashSet<string> taken)
    {
        var slug = asset.Slug;
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = Slug.From(n == 2 ? $"{asset.Name} {asset.Address.Town}" : $"{asset.Name} {asset.Address.Town} {n}");
        }

        return slug;
    }

    // Records this file brought in before but no longer lists: archived with --archive-missing (never deleted), else listed.
    private async Task<(int Archived, List<string> Missing)> MissingAsync(
        IReadOnlyList<AssetCandidate> candidates, HashSet<Guid> touched, bool archiveMissing, CancellationToken ct)
    {
        var kinds = candidates.Select(c => c.Kind).Distinct().ToList();
        var absent = (await db.Assets.Where(a => a.Source.File == fileName && a.Status != AssetStatus.Archived && kinds.Contains(a.Kind))
            .ToListAsync(ct)).Where(a => !touched.Contains(a.Id)).ToList();
        if (archiveMissing)
        {
            absent.ForEach(a => a.Archive());
        }

        return (archiveMissing ? absent.Count : 0, [.. absent.Select(a => a.Source.ExternalRef ?? a.Name).Order(StringComparer.Ordinal)]);
    }
}
