namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>
/// A member as a broker enters it (REST body and web form alike). The full <see cref="Postcode"/> is used once to find
/// the member's area and is never stored: only its sector and a point coarsened to ~1 km reach the database.
/// </summary>
internal sealed record MemberInput(
    string? FirstName,
    string? LastInitial,
    string? Postcode,
    IReadOnlyList<string>? SkillsOffered,
    IReadOnlyList<string>? SkillsWanted,
    string? OfferDetails,
    string? Availability,
    string? ContactPreference,
    string? ContactDetails,
    string? TimeBank = null,
    string? MemberRef = null,
    DateOnly? JoinedOn = null);
