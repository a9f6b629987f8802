using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// An entry as an editor writes it: the body of POST and PUT (a full replacement) and the document a JSON merge patch
/// (RFC 7396) changes. The same camelCase names as the read contract; only the section of the entry's kind is given.
/// </summary>
/// <param name="Name">Display name (required, at most 200 characters).</param>
/// <param name="Summary">One line for search results (required, at most 500 characters).</param>
/// <param name="Description">Longer text.</param>
/// <param name="Categories">Category slugs from <c>/api/v1/categories</c>.</param>
/// <param name="Address">Postal address; the town is required.</param>
/// <param name="Location">The exact point. Leave it out to place the entry at its postcode (as the importer does); changing the postcode without the point moves it to the new postcode.</param>
/// <param name="Contact">Phone, email, website; each optional, each checked.</param>
/// <param name="WheelchairAccessible">Step-free access.</param>
/// <param name="AccessibilityNotes">Notes on access.</param>
/// <param name="Status">draft, published or archived (a new entry: published; left out of a replacement: unchanged).</param>
/// <param name="LastVerifiedAt">When the record was last checked to be true (left out of a replacement: unchanged).</param>
/// <param name="Hub">Hub fields (hubs only).</param>
/// <param name="MicroEnterprise">Micro-enterprise fields (micro-enterprises only).</param>
/// <param name="Activity">Activity fields (activities only; required for them).</param>
public sealed record AssetEdit(
    string? Name,
    string? Summary,
    string? Description,
    IReadOnlyList<string>? Categories,
    AddressEdit? Address,
    GeoPoint? Location,
    ContactResponse? Contact,
    bool WheelchairAccessible,
    string? AccessibilityNotes,
    AssetStatus? Status,
    DateTimeOffset? LastVerifiedAt,
    HubEdit? Hub,
    MicroEnterpriseEdit? MicroEnterprise,
    ActivityEdit? Activity);

/// <summary>Postal address as written.</summary>
/// <param name="Line">Street line.</param>
/// <param name="Town">Town (required).</param>
/// <param name="Postcode">UK postcode.</param>
public sealed record AddressEdit(string? Line, string? Town, string? Postcode);

/// <summary>Hub fields.</summary>
/// <param name="OpeningHours">e.g. <c>Mo-Fr 09:00-17:00; Sa 10:00-13:00</c>.</param>
/// <param name="Facilities">e.g. "Café".</param>
public sealed record HubEdit(string? OpeningHours, IReadOnlyList<string>? Facilities);

/// <summary>Micro-enterprise fields. A service-area polygon, when one was imported, is kept as it is.</summary>
/// <param name="Services">Services offered.</param>
/// <param name="PricePence">Typical price in pence (0 = free).</param>
/// <param name="PriceUnit">e.g. "per hour".</param>
/// <param name="AcceptsDirectPayments">Takes direct payments / personal budgets.</param>
/// <param name="InsuranceExpiresOn">Public liability insurance expiry.</param>
/// <param name="DbsCheckedOn">Latest DBS check.</param>
/// <param name="CqcRegistration">CQC registration id.</param>
/// <param name="ServiceRadiusMetres">How far it travels, 1..100000 m.</param>
/// <param name="HomeBased">Run from a home address (the home is then never public unless <paramref name="ShowsHomeLocation"/>).</param>
/// <param name="ShowsHomeLocation">The owner opted in to showing the home.</param>
public sealed record MicroEnterpriseEdit(
    IReadOnlyList<string>? Services,
    long? PricePence,
    string? PriceUnit,
    bool AcceptsDirectPayments,
    DateOnly? InsuranceExpiresOn,
    DateOnly? DbsCheckedOn,
    string? CqcRegistration,
    int? ServiceRadiusMetres,
    bool HomeBased,
    bool ShowsHomeLocation);

/// <summary>Activity fields.</summary>
/// <param name="Provider">Who runs it (required).</param>
/// <param name="VenueId">The hub it meets at.</param>
/// <param name="Schedule">When it meets (required).</param>
/// <param name="CostPence">Cost per session in pence (0 = free).</param>
/// <param name="Eligibility">Who can come.</param>
/// <param name="Referral">selfReferral, linkWorker or either (default either).</param>
/// <param name="Capacity">Places per session.</param>
public sealed record ActivityEdit(
    string? Provider,
    Guid? VenueId,
    ScheduleEdit? Schedule,
    long? CostPence,
    string? Eligibility,
    ReferralRoute? Referral,
    int? Capacity);

/// <summary>A recurring schedule in UK local time.</summary>
/// <param name="FirstStart">Start of the first session, local time.</param>
/// <param name="DurationMinutes">Length of each session.</param>
/// <param name="Rule">RFC 5545 RRULE, e.g. <c>FREQ=WEEKLY;BYDAY=TU</c>.</param>
public sealed record ScheduleEdit(DateTime FirstStart, int DurationMinutes, string? Rule);

/// <summary>An entry as editors see it (any status, the exact place included), with its concurrency version.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Slug">Readable URL key.</param>
/// <param name="Kind">hub, microEnterprise or activity.</param>
/// <param name="Version">The concurrency version; the ETag is this number in quotes. Send it back in If-Match.</param>
/// <param name="PcnAreaCode">The PCN area the public point falls in.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Fields">The editable fields: PUT a changed copy, or PATCH a part of it.</param>
public sealed record AssetRecordResponse(Guid Id, string Slug, AssetKind Kind, uint Version, string? PcnAreaCode, DateTimeOffset UpdatedAt, AssetEdit Fields);

/// <summary>Why an entry is archived.</summary>
/// <param name="Reason">Optional note kept in its history.</param>
public sealed record ArchiveRequest(string? Reason);
