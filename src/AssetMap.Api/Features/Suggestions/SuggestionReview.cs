using AssetMap.Api.Features.Editing;
using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Suggestions;

/// <summary>
/// Suggestions from the public: stored on submission (never applied), listed for editors beside the current values,
/// accepted through <see cref="AssetEditor"/> (history source Suggestion) or dismissed with a reason.
/// </summary>
internal sealed class SuggestionReview(AssetMapDbContext db, AssetEditor editor, TimeProvider clock)
{
    /// <summary>Stores a suggestion for a published entry; null with errors when a value breaks its rule.</summary>
    public async Task<Suggestion?> SubmitAsync(Guid assetId, AssetKind kind, IReadOnlyDictionary<string, string?> proposed, string? note, string? contact, EditErrors errors, CancellationToken ct)
    {
        if (kind != AssetKind.Hub && !string.IsNullOrWhiteSpace(proposed.GetValueOrDefault("hub.openingHours")))
        {
            errors.Add("hub.openingHours", "Only hubs have opening hours.");
            return null;
        }

        Suggestion suggestion;
        try
        {
            suggestion = Suggestion.Submit(assetId, proposed, note, contact, clock.GetUtcNow());
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule.Field, rule.Message); // the suggestion's rules name the contract's fields
            return null;
        }

        db.Suggestions.Add(suggestion);
        await db.SaveChangesAsync(ct);
        return suggestion;
    }

    public async Task<List<SuggestionResponse>> ListAsync(SuggestionStatus status, CancellationToken ct)
    {
        var found = await db.Suggestions.AsNoTracking().Where(s => s.Status == status).OrderBy(s => s.SubmittedAt).Take(500).ToListAsync(ct);
        var ids = found.Select(s => s.AssetId).Distinct().ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return [.. found.Where(s => assets.ContainsKey(s.AssetId)).Select(s => Response(s, assets[s.AssetId]))];
    }

    public async Task<SuggestionResponse?> GetAsync(Guid id, CancellationToken ct)
    {
        var suggestion = await db.Suggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        var asset = suggestion is null ? null : await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == suggestion.AssetId, ct);
        return asset is null ? null : Response(suggestion!, asset);
    }

    /// <summary>Applies the proposed values to the entry as it is now, as an edit by <paramref name="editorName"/>.</summary>
    public async Task<(SuggestionResponse? Decided, EditResult? Edit, EditErrors? Errors)> AcceptAsync(Guid id, string editorName, CancellationToken ct)
    {
        var suggestion = await db.Suggestions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (suggestion is null)
        {
            return (null, null, null);
        }

        var errors = new EditErrors();
        if (suggestion.Status != SuggestionStatus.Pending)
        {
            errors.Add("status", $"This suggestion was already {suggestion.Status.ToString().ToLowerInvariant()}.");
            return (null, null, errors);
        }

        var asset = await editor.LoadAsync(suggestion.AssetId, ct);
        if (asset is null)
        {
            return (null, null, null);
        }

        var edit = await editor.ReplaceAsync(asset.Id, Overlay(asset.ToEdit(), suggestion.Proposed), null,
            new EditContext(editorName, AuditSource.Suggestion, $"suggestion {suggestion.Id}"), ct);
        if (edit.Status is not (EditResult.Outcome.Saved or EditResult.Outcome.Created))
        {
            return (null, edit, edit.Errors);
        }

        suggestion.Accept(editorName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct), edit, null);
    }

    public async Task<(SuggestionResponse? Decided, EditErrors? Errors)> DismissAsync(Guid id, string editorName, string? reason, CancellationToken ct)
    {
        var suggestion = await db.Suggestions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (suggestion is null)
        {
            return (null, null);
        }

        var errors = new EditErrors();
        errors.Check("reason", () =>
        {
            suggestion.Dismiss(editorName, reason ?? "", clock.GetUtcNow());
            return true;
        });
        if (errors.Any)
        {
            return (null, errors);
        }

        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct), null);
    }

    /// <summary>The entry's current value of each field a suggestion may propose.</summary>
    public static IReadOnlyDictionary<string, string?> Current(Asset asset) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["description"] = asset.Description,
        ["address.line"] = asset.Address.Line,
        ["contact.phone"] = asset.Contact.Phone,
        ["contact.email"] = asset.Contact.Email,
        ["contact.website"] = asset.Contact.Website,
        ["hub.openingHours"] = (asset as CommunityHub)?.OpeningHours?.ToString(),
    };

    private static SuggestionResponse Response(Suggestion s, Asset asset)
    {
        var current = Current(asset);
        return new(s.Id, s.AssetId, asset.Name, asset.Slug, s.SubmittedAt, s.Status, s.Proposed,
            s.Proposed.Keys.ToDictionary(k => k, k => current.GetValueOrDefault(k), StringComparer.Ordinal),
            s.Note, s.Contact, s.DecidedBy, s.DecidedAt, s.DismissReason);
    }

    private static AssetEdit Overlay(AssetEdit edit, IReadOnlyDictionary<string, string> proposed)
    {
        foreach (var (field, value) in proposed)
        {
            edit = field switch
            {
                "description" => edit with { Description = value },
                "address.line" => edit with { Address = (edit.Address ?? new AddressEdit(null, null, null)) with { Line = value } },
                "contact.phone" => edit with { Contact = (edit.Contact ?? new(null, null, null)) with { Phone = value } },
                "contact.email" => edit with { Contact = (edit.Contact ?? new(null, null, null)) with { Email = value } },
                "contact.website" => edit with { Contact = (edit.Contact ?? new(null, null, null)) with { Website = value } },
                "hub.openingHours" when edit.Hub is { } hub => edit with { Hub = hub with { OpeningHours = value } },
                _ => edit,
            };
        }

        return edit;
    }
}
