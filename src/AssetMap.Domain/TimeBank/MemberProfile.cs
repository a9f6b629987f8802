namespace AssetMap.Domain.TimeBank;

/// <summary>
/// The fields a broker edits on a member. Skills are category slugs from the taxonomy (so a practitioner's need
/// matches them); <see cref="OfferDetails"/> is the member's own words. <see cref="ContactDetails"/> is for the broker only.
/// </summary>
public sealed record MemberProfile(
    string FirstName,
    string LastInitial,
    IReadOnlyList<string> SkillsOffered,
    IReadOnlyList<string> SkillsWanted,
    string? OfferDetails,
    string? Availability,
    ContactPreference ContactPreference,
    string? ContactDetails);
