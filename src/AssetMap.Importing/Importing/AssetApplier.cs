using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Importing;

/// <summary>What applying the candidates did (inside the importer's transaction).</summary>
internal sealed record ApplyOutcome(int Created, int Updated, int Unchanged, int Archived, IReadOnlyList<string> MissingFromFile);

/// <summary>
/// Creates, updates or leaves alone the asset each candidate row describes, one batch at a time: the batch's matches
/// are read in one query, every asset is built through the domain's factories (a broken rule rejects the row, never
/// the file), new assets are copied in (<see cref="AssetCopy"/>), changed ones saved by EF, and the change tracker
/// cleared, so memory stays flat however long the file is. Every created, updated or archived asset gets a history
/// entry naming the file, sheet and row and each field's before and after, copied in with the batch (<see cref="AuditCopy"/>).
/// </summary>
internal sealed class AssetApplier(
    AssetMapDbContext db, string fileName, DateTimeOffset now, IReadOnlyCollection<Category> categories, AssetMatches matches, string actor)
{
    private readonly List<AuditEntry> _history = [];
    private readonly SlugReservations _slugs = new(db);
    private readonly HashSet<Guid> _touched = [];
    private readonly List<Guid> _placed = [];
    private readonly List<Asset> _inserts = [];
    private readonly AssetCopy _copy = new(db);
    private Dictionary<string, Guid>? _venueIds;
    private int _created, _updated, _unchanged;

    /// <summary>Assets created or changed: only these need their PCN area derived again.</summary>
    public IReadOnlyList<Guid> Placed => _placed;

    /// <summary>
    /// Applies a batch and saves it. Returns the rows the domain rejected, and the activities naming a venue not
    /// known yet (a hub further down the file): pass those again after the last batch.
    /// </summary>
    public async Task<(List<RowContext> Rejected, List<AssetCandidate> Waiting)> ApplyBatchAsync(
        IReadOnlyList<AssetCandidate> batch, bool lastChance, CancellationToken ct)
    {
        // Categories are shared by every batch: attached unchanged, so adding an asset never inserts one.
        foreach (var category in categories.Where(c => db.Entry(c).State == EntityState.Detached))
        {
            db.Categories.Attach(category);
        }

        _venueIds ??= await KnownVenuesAsync(ct);
        var existing = await matches.LoadAsync(batch, ct);
        await _slugs.ReserveTakenAsync(batch, ct);

        var rejected = new List<RowContext>();
        var waiting = new List<AssetCandidate>();

        foreach (var candidate in batch.OrderBy(c => c.Kind == AssetKind.Hub ? 0 : 1))
        {
            if (!lastChance && candidate.Activity?.VenueRef is { } venueRef && !_venueIds.ContainsKey(venueRef.ToUpperInvariant()))
            {
                waiting.Add(candidate);
                continue;
            }

            var asset = existing.TryGetValue(candidate.MatchKey, out var found) ? Apply(candidate, found) : await CreateAsync(candidate, ct);
            if (asset is null)
            {
                rejected.Add(candidate.Row);
                continue;
            }

            if (candidate.Kind == AssetKind.Hub && candidate.Ref is { } reference)
            {
                _venueIds[reference.ToUpperInvariant()] = asset.Id;
            }
        }

        // New rows first: an updated activity may name a hub this batch created as its venue.
        await _copy.WriteAsync(db, _inserts, now, ct);
        _inserts.Clear();
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await AuditCopy.WriteAsync(db, _history, ct);
        _history.Clear();
        return (rejected, waiting);
    }

    /// <summary>Archives (with <paramref name="archiveMissing"/>) or lists what this file brought in before but no longer lists.</summary>
    public async Task<ApplyOutcome> FinishAsync(IReadOnlyCollection<AssetKind> kinds, bool archiveMissing, CancellationToken ct)
    {
        // Only ids and names are read: a re-import of a long file must not load every record it already holds.
        var fromFile = await db.Assets.AsNoTracking()
            .Where(a => a.Source.File == fileName && a.Status != AssetStatus.Archived && kinds.Contains(a.Kind))
            .Select(a => new { a.Id, Label = a.Source.ExternalRef ?? a.Name }).ToListAsync(ct);
        var absent = fromFile.Where(a => !_touched.Contains(a.Id)).ToList();
        if (archiveMissing && absent.Count > 0)
        {
            var ids = absent.Select(a => a.Id).ToList();
            foreach (var asset in await db.Assets.Where(a => ids.Contains(a.Id)).ToListAsync(ct))
            {
                var before = AssetSnapshot.Of(asset);
                asset.Archive();
                _history.Add(AuditEntry.Record("asset", asset.Id, "archived", actor, AuditSource.Import,
                    Detail($"{fileName} › no longer listed"), AssetSnapshot.Changes(before, AssetSnapshot.Of(asset)), now));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await AuditCopy.WriteAsync(db, _history, ct);
            _history.Clear();
        }

        return new ApplyOutcome(_created, _updated, _unchanged, archiveMissing ? absent.Count : 0,
            [.. absent.Select(a => a.Label).Order(StringComparer.Ordinal)]);
    }

    private async Task<Asset?> CreateAsync(AssetCandidate candidate, CancellationToken ct)
    {
        var fresh = Build(candidate);
        if (fresh is null)
        {
            return null;
        }

        fresh.Reslug(await _slugs.UniqueAsync(fresh, ct));
        _inserts.Add(fresh);
        _history.Add(AuditEntry.Record("asset", fresh.Id, "created", actor, AuditSource.Import, Where(candidate.Row),
            AssetSnapshot.Created(AssetSnapshot.Of(fresh)), now));
        _touched.Add(fresh.Id);
        _placed.Add(fresh.Id);
        _created++;
        return fresh;
    }

    private Asset? Apply(AssetCandidate candidate, Asset asset)
    {
        _touched.Add(asset.Id);
        var fresh = Build(candidate);
        if (fresh is null)
        {
            return null;
        }

        if (AssetFingerprint.Of(asset) == AssetFingerprint.Of(fresh))
        {
            _unchanged++;
            return asset;
        }

        // Only a changed record pays for snapshots: an unchanged re-import stays a fingerprint comparison.
        var before = AssetSnapshot.Of(asset);
        try
        {
            Update(asset, candidate, fresh);
        }
        catch (DomainRuleException rule)
        {
            // A rule only an update can break: the record stays as it was (detached before any change is detected).
            db.Entry(asset).State = EntityState.Detached;
            candidate.Row.Rule(rule, field => AssetRowMapper.ColumnFor(candidate.Kind, candidate.Row, field));
            return null;
        }

        _history.Add(AuditEntry.Record("asset", asset.Id, "updated", actor, AuditSource.Import, Where(candidate.Row),
            AssetSnapshot.Changes(before, AssetSnapshot.Of(asset)), now));
        _placed.Add(asset.Id);
        _updated++;
        return asset;
    }

    // A new, unsaved asset built from the row through the domain factories: the shape an existing asset is compared to.
    private Asset? Build(AssetCandidate c)
    {
        Guid? venue = null;
        if (c.Activity?.VenueRef is { } venueRef)
        {
            if (!_venueIds!.TryGetValue(venueRef.ToUpperInvariant(), out var id))
            {
                c.Row.Error("venueRef", $"'{venueRef}' is not the reference of a hub in this file or the directory.");
                return null;
            }

            venue = id;
        }

        try
        {
            return c.Kind switch
            {
                AssetKind.Hub => CommunityHub.Create(c.Profile, c.Categories, c.OpeningHours, c.Facilities),
                AssetKind.MicroEnterprise => MicroEnterprise.Create(c.Profile, c.Categories, c.Enterprise!),
                _ => SocialPrescribingActivity.Create(c.Profile, c.Categories, Details(c.Activity!, venue)),
            };
        }
        catch (DomainRuleException rule)
        {
            c.Row.Rule(rule, field => AssetRowMapper.ColumnFor(c.Kind, c.Row, field));
            return null;
        }
    }

    // "file › sheet › row N" (no sheet for a CSV), as the officer finds the row.
    private string Where(RowContext row) =>
        Detail(row.Table.Sheet is { } sheet ? $"{fileName} › {sheet} › row {row.Row.RowNumber}" : $"{fileName} › row {row.Row.RowNumber}");

    // The column holds 500 characters; a long file name must not fail the import.
    private static string Detail(string text) => text.Length <= 500 ? text : text[..499] + "…";

    private static ActivityDetails Details(ActivityDraft d, Guid? venue) =>
        new(d.Provider, venue, d.Schedule, d.Cost, d.Eligibility, d.Referral, d.Capacity);

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

    private async Task<Dictionary<string, Guid>> KnownVenuesAsync(CancellationToken ct)
    {
        var hubsByRef = await db.Hubs.AsNoTracking().Where(h => h.Source.ExternalRef != null)
            .Select(h => new { h.Id, h.Source.ExternalRef }).ToListAsync(ct);
        return hubsByRef.GroupBy(h => h.ExternalRef!.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
    }
}
