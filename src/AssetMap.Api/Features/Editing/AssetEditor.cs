using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// The one edit path for the API, the web forms and accepted suggestions: builds the entry through the domain
/// (<see cref="AssetDraft"/>), checks the version the editor started from, saves, and writes one history entry with
/// each changed field's before and after (<see cref="AssetSnapshot"/>). Entries are archived, never deleted.
/// </summary>
internal sealed class AssetEditor(AssetMapDbContext db, AssetDraft draft, TimeProvider clock)
{
    public const string EntityType = "asset";

    /// <summary>The tracked entity with its categories, any status; null when there is none.</summary>
    public Task<Asset?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Assets.Include(a => a.Categories).SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<EditResult> CreateAsync(AssetKind kind, AssetEdit edit, EditContext who, CancellationToken ct)
    {
        var errors = new EditErrors();
        var asset = await draft.BuildAsync(kind, edit, null, errors, ct);
        if (asset is null)
        {
            return EditResult.Invalid(errors);
        }

        asset.Reslug(await UniqueSlugAsync(asset, ct));
        db.Assets.Add(asset);
        db.AuditEntries.Add(AuditEntry.Record(EntityType, asset.Id, "created", who.Actor, who.Source, who.Detail,
            AssetSnapshot.Created(AssetSnapshot.Of(asset)), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await PlaceAsync(asset, ct);
        return new(EditResult.Outcome.Created, asset, null);
    }

    /// <summary>Replaces every editable field; <paramref name="expected"/> is the version the editor started from (null: unchecked).</summary>
    public async Task<EditResult> ReplaceAsync(Guid id, AssetEdit edit, uint? expected, EditContext who, CancellationToken ct)
    {
        var asset = await LoadAsync(id, ct);
        if (asset is null)
        {
            return EditResult.NotFound;
        }

        if (expected is { } version && version != asset.Version)
        {
            return new(EditResult.Outcome.Conflict, asset, null);
        }

        var errors = new EditErrors();
        var fresh = await draft.BuildAsync(asset.Kind, edit, asset, errors, ct);
        if (fresh is null)
        {
            return EditResult.Invalid(errors);
        }

        var before = AssetSnapshot.Of(asset);
        CopyInto(asset, fresh);
        return await SaveAsync(asset, before, "updated", expected, who, ct);
    }

    public async Task<EditResult> ArchiveAsync(Guid id, uint? expected, string? reason, EditContext who, CancellationToken ct)
    {
        var asset = await LoadAsync(id, ct);
        if (asset is null)
        {
            return EditResult.NotFound;
        }

        if (expected is { } version && version != asset.Version)
        {
            return new(EditResult.Outcome.Conflict, asset, null);
        }

        var before = AssetSnapshot.Of(asset);
        asset.Archive();
        var detail = string.IsNullOrWhiteSpace(reason) ? who.Detail : $"{who.Detail}; reason: {reason.Trim()}";
        return await SaveAsync(asset, before, "archived", expected, who with { Detail = detail?.Length > 500 ? detail[..500] : detail }, ct);
    }

    private async Task<EditResult> SaveAsync(
        Asset asset, IReadOnlyDictionary<string, string?> before, string action, uint? expected, EditContext who, CancellationToken ct)
    {
        var changes = AssetSnapshot.Changes(before, AssetSnapshot.Of(asset));
        if (changes.Count == 0)
        {
            return new(EditResult.Outcome.Saved, asset, null); // nothing changed: no write, no history, same version
        }

        // A categories-only change touches just the join table: mark the row so its version (xmin) and UpdatedAt move,
        // and so the version check below applies to every edit.
        var entry = db.Entry(asset);
        entry.Property(a => a.UpdatedAt).IsModified = true;
        if (expected is { } version)
        {
            entry.Property(a => a.Version).OriginalValue = version;
        }

        db.AuditEntries.Add(AuditEntry.Record(EntityType, asset.Id, action, who.Actor, who.Source, who.Detail, changes, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: report theirs.
            db.ChangeTracker.Clear();
            return new(EditResult.Outcome.Conflict, await LoadAsync(asset.Id, ct), null);
        }

        await PlaceAsync(asset, ct);
        return new(EditResult.Outcome.Saved, asset, null);
    }

    // The PCN area follows the public point (PcnAreaAssignment); re-read the row for its new area and version.
    private async Task PlaceAsync(Asset asset, CancellationToken ct)
    {
        await db.AssignPcnAreasAsync([asset.Id], ct);
        await db.Entry(asset).ReloadAsync(ct);
    }

    private async Task<string> UniqueSlugAsync(Asset asset, CancellationToken ct)
    {
        foreach (var slug in Slug.Candidates(asset.Name, asset.Address.Town))
        {
            if (!await db.Assets.AnyAsync(a => a.Slug == slug, ct))
            {
                return slug;
            }
        }

        throw new InvalidOperationException("Slug candidates never end.");
    }

    // As the importer updates a record from a freshly built one: the profile, categories and the kind's fields.
    private static void CopyInto(Asset asset, Asset fresh)
    {
        asset.ApplyProfile(new AssetProfile(
            fresh.Name, fresh.Summary, fresh.Description, fresh.Address, fresh.Location, fresh.Contact, fresh.WheelchairAccessible,
            fresh.AccessibilityNotes, fresh.Status, fresh.LastVerifiedAt, asset.Source));
        asset.SetCategories(fresh.Categories);
        switch (asset, fresh)
        {
            case (CommunityHub hub, CommunityHub from):
                hub.SetHubDetails(from.OpeningHours, from.Facilities);
                break;
            case (MicroEnterprise me, MicroEnterprise from):
                me.SetDetails(new MicroEnterpriseDetails(from.Services, from.Price, from.PriceUnit, from.AcceptsDirectPayments, from.InsuranceExpiresOn,
                    from.DbsCheckedOn, from.CqcRegistration, from.ServiceRadiusMetres, from.ServiceArea, from.HomeBased, from.ShowsHomeLocation));
                break;
            case (SocialPrescribingActivity activity, SocialPrescribingActivity from):
                activity.SetDetails(new ActivityDetails(from.Provider, from.VenueId, from.Schedule, from.Cost, from.Eligibility, from.Referral, from.Capacity));
                break;
        }
    }
}
