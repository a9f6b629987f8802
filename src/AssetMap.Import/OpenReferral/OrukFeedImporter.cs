using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Taxonomy;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.OpenReferral;

/// <summary>
/// Brings another directory's ORUK feed into the map through the domain factories. Each record keeps the feed's
/// service id as its source reference (and the feed's address as its source file), so reading the feed again updates
/// instead of duplicating. It never deletes: services gone from the feed are listed, or archived when asked.
/// Problems are reported per service: <see cref="ImportProblem.Sheet"/> holds the service id, <c>Row</c> its position.
/// </summary>
public sealed class OrukFeedImporter(AssetMapDbContext db)
{
    public async Task<ImportReport> ImportAsync(OrukFeedSource source, OrukReadMapping mapping, bool archiveMissing, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        void Problem(string id, string? field, string? value, string reason, bool error) =>
            problems.Add(new ImportProblem(error ? ProblemSeverity.Error : ProblemSeverity.Warning, id, positions.GetValueOrDefault(id), field, value, reason));

        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var reader = new OrukServiceReader(mapping, categories.ToDictionary(c => c.Key, c => c.Value.Name, StringComparer.Ordinal), Problem);
        var entries = new List<OrukEntry>();
        var position = 0;
        await foreach (var service in source.ServicesAsync(ct))
        {
            position++;
            if (service.TryGetProperty("id", out var id) && id.GetString() is { } serviceId)
            {
                positions[serviceId] = position;
            }

            if (reader.Read(service, source.Location, position) is { } entry)
            {
                entries.Add(entry);
            }
        }

        var existing = await db.Assets.Include(a => a.Categories).Where(a => a.Source.File == source.Location).ToListAsync(ct);
        var byRef = existing.Where(a => a.Source.ExternalRef != null).GroupBy(a => a.Source.ExternalRef!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var slugs = (await db.Assets.Select(a => a.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var hubsByLocation = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var (created, updated, unchanged, rejected) = (0, 0, 0, problems.Count(p => p.Severity == ProblemSeverity.Error));

        // Hubs first, so an activity held at a hub's location can name the hub as its venue.
        foreach (var entry in entries.OrderBy(e => e.Kind == AssetKind.Hub ? 0 : 1))
        {
            var tagged = entry.CategorySlugs.Distinct().Select(s => categories.GetValueOrDefault(s)).OfType<Category>().ToList();
            foreach (var unknown in entry.CategorySlugs.Where(s => !categories.ContainsKey(s)))
            {
                Problem(entry.ServiceId, "attributes", unknown, $"The mapping names category '{unknown}', which AssetMap does not have.", false);
            }

            var activity = entry.Activity is { } details && entry.LocationId is { } place && hubsByLocation.TryGetValue(place, out var venue)
                ? details with { VenueId = venue }
                : entry.Activity;
            if (byRef.TryGetValue(entry.ServiceId, out var asset))
            {
                if (asset.Kind != entry.Kind)
                {
                    Problem(entry.ServiceId, "kind", entry.Kind.ToString(), $"It was imported as {asset.Kind}; a record cannot change kind.", true);
                    rejected++;
                    continue;
                }

                asset.ApplyProfile(entry.Profile);
                if (!asset.Categories.Select(c => c.Id).Order().SequenceEqual(tagged.Select(c => c.Id).Order()))
                {
                    asset.SetCategories(tagged);
                }

                Apply(asset, entry, activity);
                db.ChangeTracker.DetectChanges();
                var changed = db.Entry(asset).State == EntityState.Modified || db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Deleted);
                (updated, unchanged) = changed ? (updated + 1, unchanged) : (updated, unchanged + 1);
            }
            else
            {
                asset = entry.Kind switch
                {
                    AssetKind.Hub => CommunityHub.Create(entry.Profile, tagged, entry.OpeningHours, []),
                    AssetKind.MicroEnterprise => MicroEnterprise.Create(entry.Profile, tagged, entry.Business!),
                    _ => SocialPrescribingActivity.Create(entry.Profile, tagged, activity!),
                };
                for (var n = 2; slugs.Contains(asset.Slug); n++)
                {
                    asset.Reslug($"{entry.Profile.Name} {n}");
                }

                slugs.Add(asset.Slug);
                db.Assets.Add(asset);
                created++;
            }

            if (entry.Kind == AssetKind.Hub && entry.LocationId is { } location)
            {
                hubsByLocation[location] = asset.Id;
            }
        }

        var seen = entries.Select(e => e.ServiceId).ToHashSet(StringComparer.Ordinal);
        var missing = existing.Where(a => a.Status != AssetStatus.Archived && a.Source.ExternalRef is { } r && !seen.Contains(r)).ToList();
        if (archiveMissing)
        {
            missing.ForEach(a => a.Archive());
        }

        await db.SaveChangesAsync(ct);
        await db.AssignPcnAreasAsync(ct);
        // That UPDATE changed every row's concurrency token behind the tracked entities: forget them.
        db.ChangeTracker.Clear();
        var counts = new ImportCounts(created, updated, unchanged, archiveMissing ? missing.Count : 0, rejected, problems.Count(p => p.Severity == ProblemSeverity.Warning));
        return new ImportReport(source.Location, true, counts, problems, [.. missing.Select(a => a.Source.ExternalRef!).Order(StringComparer.Ordinal)]);
    }

    private static void Apply(Asset asset, OrukEntry entry, ActivityDetails? activity)
    {
        switch (asset)
        {
            case CommunityHub hub:
                hub.SetHubDetails(entry.OpeningHours, hub.Facilities);
                break;
            case MicroEnterprise business:
                business.SetDetails(entry.Business!);
                break;
            case SocialPrescribingActivity session:
                session.SetDetails(activity!);
                break;
        }
    }
}
