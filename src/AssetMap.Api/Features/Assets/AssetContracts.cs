using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Assets;

/// <summary>A WGS84 point.</summary>
/// <param name="Latitude">Degrees north, -90..90.</param>
/// <param name="Longitude">Degrees east, -180..180.</param>
public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>A category from the managed taxonomy.</summary>
/// <param name="Slug">URL key, e.g. <c>lunch-clubs</c>.</param>
/// <param name="Name">Display name.</param>
public sealed record CategoryRef(string Slug, string Name);

/// <summary>How to get in touch.</summary>
/// <param name="Phone">UK phone number.</param>
/// <param name="Email">Email address.</param>
/// <param name="Website">Web address.</param>
public sealed record ContactResponse(string? Phone, string? Email, string? Website);

/// <summary>Postal address. The street line is withheld for home-based businesses that have not opted in.</summary>
/// <param name="Line">Street line.</param>
/// <param name="Town">Town.</param>
/// <param name="Postcode">Postcode (outward code only when the street line is withheld).</param>
public sealed record AddressResponse(string? Line, string Town, string? Postcode);

/// <summary>One published asset, with the fields of its kind.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Slug">Readable URL key.</param>
/// <param name="Kind">hub, microEnterprise or activity.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">One line.</param>
/// <param name="Description">Longer text.</param>
/// <param name="Categories">Categories.</param>
/// <param name="Location">The point. For a home-based business that has not opted in, about 1 km from the home.</param>
/// <param name="LocationIsApproximate">True when <paramref name="Location"/> is deliberately coarsened.</param>
/// <param name="Address">Postal address.</param>
/// <param name="PcnAreaCode">The PCN area the asset is in.</param>
/// <param name="Contact">Phone, email, website.</param>
/// <param name="WheelchairAccessible">Step-free access.</param>
/// <param name="AccessibilityNotes">Notes on access.</param>
/// <param name="LastVerifiedAt">When the record was last checked.</param>
/// <param name="Hub">Hub fields, for hubs.</param>
/// <param name="MicroEnterprise">Micro-enterprise fields, for micro-enterprises.</param>
/// <param name="Activity">Activity fields, for activities.</param>
/// <param name="Verification">Whether the entry is fresh, due for review, overdue or unverified (details may be out of date).</param>
public sealed record AssetDetailResponse(
    Guid Id,
    string Slug,
    AssetKind Kind,
    string Name,
    string Summary,
    string? Description,
    IReadOnlyList<CategoryRef> Categories,
    GeoPoint Location,
    bool LocationIsApproximate,
    AddressResponse Address,
    string? PcnAreaCode,
    ContactResponse Contact,
    bool WheelchairAccessible,
    string? AccessibilityNotes,
    DateTimeOffset? LastVerifiedAt,
    HubDetails? Hub,
    MicroEnterpriseResponse? MicroEnterprise,
    ActivityResponse? Activity,
    VerificationResponse Verification);

/// <summary>How fresh an entry is: each has a review interval (by kind) counted from its last check.</summary>
/// <param name="State">fresh; due (falls due soon); overdue (ranked below fresh entries); unverified (overdue so long it
/// left public search: details may be out of date).</param>
/// <param name="LastVerifiedAt">When it was last checked (null: never, the interval runs from its creation).</param>
/// <param name="DueAt">When it is due for review.</param>
public sealed record VerificationResponse(VerificationState State, DateTimeOffset? LastVerifiedAt, DateTimeOffset DueAt);

/// <summary>One piece of a micro-enterprise's evidence, flagged when expired or expiring soon.</summary>
/// <param name="Kind">dbsCheck, publicLiabilityInsurance or cqcRegistration.</param>
/// <param name="Date">The date on record: DBS check date, insurance expiry, or when the CQC registration was confirmed.</param>
/// <param name="ExpiresOn">When it expires (a DBS check and a CQC confirmation go stale after a configured age).</param>
/// <param name="State">valid, expiringSoon, expired or noDate.</param>
/// <param name="Reference">The CQC registration id.</param>
public sealed record EvidenceResponse(EvidenceKind Kind, DateOnly? Date, DateOnly? ExpiresOn, EvidenceState State, string? Reference);

/// <summary>Hub fields.</summary>
/// <param name="OpeningHours">e.g. <c>Mo-Fr 09:00-17:00; Sa 10:00-13:00</c>.</param>
/// <param name="Facilities">e.g. "Café", "Hearing loop".</param>
public sealed record HubDetails(string? OpeningHours, IReadOnlyList<string> Facilities);

/// <summary>What a practitioner checks before suggesting a micro-enterprise.</summary>
/// <param name="Services">Services offered.</param>
/// <param name="PricePence">Typical price in pence (0 = free).</param>
/// <param name="Price">Typical price as text, e.g. "£12.50".</param>
/// <param name="PriceUnit">e.g. "per hour".</param>
/// <param name="AcceptsDirectPayments">Takes direct payments / personal budgets.</param>
/// <param name="InsuranceExpiresOn">Public liability insurance expiry.</param>
/// <param name="DbsCheckedOn">Latest DBS check.</param>
/// <param name="CqcRegistration">CQC registration id, where regulated.</param>
/// <param name="ServiceArea">Where it works.</param>
/// <param name="HomeBased">Run from a home address.</param>
/// <param name="CqcCheckedOn">When the CQC registration was last confirmed on the CQC register.</param>
/// <param name="Evidence">DBS check, insurance and CQC registration with their dates, each flagged valid, expiringSoon, expired or noDate.</param>
public sealed record MicroEnterpriseResponse(
    IReadOnlyList<string> Services,
    long? PricePence,
    string? Price,
    string? PriceUnit,
    bool AcceptsDirectPayments,
    DateOnly? InsuranceExpiresOn,
    DateOnly? DbsCheckedOn,
    string? CqcRegistration,
    ServiceAreaResponse? ServiceArea,
    bool HomeBased,
    DateOnly? CqcCheckedOn,
    IReadOnlyList<EvidenceResponse> Evidence);

/// <summary>A circular service area. For home-based businesses the centre is coarsened to about 1 km.</summary>
/// <param name="Centre">Centre of the area.</param>
/// <param name="RadiusMetres">Radius in metres.</param>
public sealed record ServiceAreaResponse(GeoPoint Centre, int RadiusMetres);

/// <summary>Activity fields.</summary>
/// <param name="Provider">Who runs it.</param>
/// <param name="Venue">The hub it meets at.</param>
/// <param name="Schedule">When it meets.</param>
/// <param name="CostPence">Cost per session in pence (0 = free).</param>
/// <param name="Cost">Cost as text, e.g. "Free" or "£3".</param>
/// <param name="Eligibility">Who can come.</param>
/// <param name="Referral">selfReferral, linkWorker or either.</param>
/// <param name="Capacity">Places per session.</param>
public sealed record ActivityResponse(
    string Provider,
    AssetLink? Venue,
    ScheduleResponse Schedule,
    long? CostPence,
    string? Cost,
    string? Eligibility,
    ReferralRoute Referral,
    int? Capacity);

/// <summary>A recurring schedule (RFC 5545), in UK local time.</summary>
/// <param name="FirstStart">Start of the first session, local time.</param>
/// <param name="DurationMinutes">Length of each session.</param>
/// <param name="Rule">RRULE, e.g. <c>FREQ=WEEKLY;BYDAY=TU</c>.</param>
/// <param name="TimeZone">Always Europe/London.</param>
/// <param name="NextSessions">The next five session starts from now, local time.</param>
public sealed record ScheduleResponse(DateTime FirstStart, int DurationMinutes, string Rule, string TimeZone, IReadOnlyList<DateTime> NextSessions);

/// <summary>A link to another asset.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Name">Its name.</param>
/// <param name="Href">Its detail URL.</param>
public sealed record AssetLink(Guid Id, string Slug, string Name, string Href);
