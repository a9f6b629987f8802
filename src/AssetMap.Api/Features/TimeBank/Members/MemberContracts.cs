using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>A member as the broker sees them, contact details included (broker-only API).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="MemberRef">The broker's reference, e.g. TB-001.</param>
/// <param name="TimeBank">The time bank's slug.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastInitial">Last-name initial (may be empty).</param>
/// <param name="DisplayName">First name and initial, e.g. "Pat M.".</param>
/// <param name="PostcodeSector">Postcode sector (the full postcode is never kept); absent once the member has left.</param>
/// <param name="SkillsOffered">Category slugs the member can help with.</param>
/// <param name="SkillsWanted">Category slugs the member would like help with.</param>
/// <param name="OfferDetails">What they offer, in their words.</param>
/// <param name="Availability">When they are usually free.</param>
/// <param name="ContactPreference">How the broker gets in touch.</param>
/// <param name="ContactDetails">Phone, email or note for the broker only.</param>
/// <param name="Status">active, deactivated or left.</param>
/// <param name="JoinedOn">When they joined.</param>
/// <param name="LeftOn">When they left (and were anonymised).</param>
/// <param name="Balance">Hours given minus hours received, derived from the ledger.</param>
/// <param name="Version">Concurrency version; the ETag is this in quotes.</param>
/// <param name="Href">This member's URL.</param>
public sealed record TimeBankMemberResponse(
    Guid Id,
    string MemberRef,
    string TimeBank,
    string FirstName,
    string LastInitial,
    string DisplayName,
    string? PostcodeSector,
    IReadOnlyList<string> SkillsOffered,
    IReadOnlyList<string> SkillsWanted,
    string? OfferDetails,
    string? Availability,
    ContactPreference ContactPreference,
    string? ContactDetails,
    MemberStatus Status,
    DateOnly JoinedOn,
    DateOnly? LeftOn,
    decimal Balance,
    uint Version,
    string Href);

/// <summary>One member in the broker's list.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="MemberRef">The broker's reference.</param>
/// <param name="DisplayName">First name and initial.</param>
/// <param name="Status">active, deactivated or left.</param>
/// <param name="PostcodeSector">Postcode sector.</param>
/// <param name="SkillsOffered">Category slugs offered.</param>
/// <param name="SkillsWanted">Category slugs wanted.</param>
/// <param name="Balance">Hours given minus hours received.</param>
/// <param name="Href">The member's URL.</param>
public sealed record TimeBankMemberSummary(
    Guid Id, string MemberRef, string DisplayName, MemberStatus Status, string? PostcodeSector,
    IReadOnlyList<string> SkillsOffered, IReadOnlyList<string> SkillsWanted, decimal Balance, string Href);

/// <summary>A page of members.</summary>
/// <param name="Items">This page, by reference.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Members per page.</param>
/// <param name="TotalCount">Members matching on all pages.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="Links">This, the next and the previous page.</param>
public sealed record TimeBankMemberPage(
    IReadOnlyList<TimeBankMemberSummary> Items, int Page, int PageSize, int TotalCount, int TotalPages, Assets.PageLinks Links);

/// <summary>
/// A member as the broker enters them. <paramref name="Postcode"/> is the full postcode, used once to find the area and
/// never stored. <paramref name="TimeBank"/>, <paramref name="MemberRef"/> and <paramref name="JoinedOn"/> are read on
/// create only (defaults: the only time bank, the next TB-nnn, today); a replacement (PUT) keeps them, and a blank
/// postcode keeps the member's area.
/// </summary>
/// <param name="FirstName">First name (required).</param>
/// <param name="LastInitial">Last-name initial.</param>
/// <param name="Postcode">Full postcode (required on create).</param>
/// <param name="SkillsOffered">Category slugs or names.</param>
/// <param name="SkillsWanted">Category slugs or names.</param>
/// <param name="OfferDetails">What they offer, in their words.</param>
/// <param name="Availability">When they are usually free.</param>
/// <param name="ContactPreference">phone, text, email, letter or inPerson.</param>
/// <param name="ContactDetails">For the broker only.</param>
/// <param name="TimeBank">Time-bank slug (create only).</param>
/// <param name="MemberRef">Reference (create only).</param>
/// <param name="JoinedOn">Joining date (create only).</param>
public sealed record TimeBankMemberRequest(
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
