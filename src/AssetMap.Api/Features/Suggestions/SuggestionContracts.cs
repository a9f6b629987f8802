using AssetMap.Domain.Suggestions;

namespace AssetMap.Api.Features.Suggestions;

/// <summary>A suggestion beside the entry's current values, for an editor to compare.</summary>
/// <param name="Id">The suggestion's id.</param>
/// <param name="AssetId">The entry.</param>
/// <param name="AssetName">The entry's name.</param>
/// <param name="AssetSlug">The entry's slug.</param>
/// <param name="SubmittedAt">When it was sent.</param>
/// <param name="Status">pending, accepted or dismissed.</param>
/// <param name="Proposed">Proposed values by field (description, address.line, contact.phone, contact.email, contact.website, hub.openingHours).</param>
/// <param name="Current">The entry's current value of each proposed field.</param>
/// <param name="Note">What the person wrote.</param>
/// <param name="Contact">How to reach them, if they gave it.</param>
/// <param name="DecidedBy">The editor who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DismissReason">Why it was dismissed.</param>
public sealed record SuggestionResponse(
    Guid Id, Guid AssetId, string AssetName, string AssetSlug, DateTimeOffset SubmittedAt, SuggestionStatus Status,
    IReadOnlyDictionary<string, string> Proposed, IReadOnlyDictionary<string, string?> Current, string? Note, string? Contact,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DismissReason);

/// <summary>Why a suggestion is dismissed.</summary>
/// <param name="Reason">Required; kept with the suggestion.</param>
public sealed record DismissRequest(string? Reason);
