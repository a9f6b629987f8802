using Microsoft.AspNetCore.Mvc;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// The ORUK 3.0 query parameters of <c>/services</c> and <c>/service_at_locations</c>, taken as text so a bad value
/// is a 400 problem naming the parameter (not a bare binding failure). Filters combine with AND.
/// </summary>
public sealed record OrukParameters
{
    /// <summary>Free text over names, descriptions and categories.</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    /// <summary>Page number, from 1.</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>Items per page: 1..100, default 50.</summary>
    [FromQuery(Name = "per_page")]
    public string? PerPage { get; init; }

    /// <summary>Only services with this taxonomy term (a category includes its children).</summary>
    [FromQuery(Name = "taxonomy_term_id")]
    public string? TaxonomyTermId { get; init; }

    /// <summary>Only services with a term of this taxonomy.</summary>
    [FromQuery(Name = "taxonomy_id")]
    public string? TaxonomyId { get; init; }

    /// <summary>Only services of this organization.</summary>
    [FromQuery(Name = "organization_id")]
    public string? OrganizationId { get; init; }

    /// <summary>Only services changed after this instant (ISO 8601 date or date-time).</summary>
    [FromQuery(Name = "modified_after")]
    public string? ModifiedAfter { get; init; }

    /// <summary>UK profile: services open to people of this age (AssetMap records no age limits, so every service is).</summary>
    [FromQuery(Name = "minimum_age")]
    public string? MinimumAge { get; init; }

    /// <summary>UK profile: services open to people of this age (AssetMap records no age limits, so every service is).</summary>
    [FromQuery(Name = "maximum_age")]
    public string? MaximumAge { get; init; }

    /// <summary>UK profile: a weekday (<c>MO</c>..<c>SU</c> or a name such as <c>tuesday</c>): hubs open and activities meeting then.</summary>
    [FromQuery(Name = "day")]
    public string? Day { get; init; }

    /// <summary>UK profile: HH:mm; open or in session at some time after this.</summary>
    [FromQuery(Name = "start_time")]
    public string? StartTime { get; init; }

    /// <summary>UK profile: HH:mm; open or in session at some time before this.</summary>
    [FromQuery(Name = "end_time")]
    public string? EndTime { get; init; }
}

/// <summary>The location parameters of <c>/service_at_locations</c>.</summary>
public sealed record OrukPlaceParameters
{
    /// <summary>A UK postcode: results nearest first.</summary>
    [FromQuery(Name = "postcode")]
    public string? Postcode { get; init; }

    /// <summary>With postcode: metres from it, 1..50000 (default 2000).</summary>
    [FromQuery(Name = "proximity")]
    public string? Proximity { get; init; }

    /// <summary>AssetMap extension: a PCN area code (e.g. U81042), only services whose public point is inside it.</summary>
    [FromQuery(Name = "pcn")]
    public string? Pcn { get; init; }
}
