using System.Text.Json.Serialization;

namespace AssetMap.Api.Features.OpenReferral;

// The ORUK 3.0 objects the feed serves, named as the specification names them once the feed's serializer turns them
// into snake_case (see OpenReferralJson). Optional members are nullable and left out when null, never written as null.

/// <summary>What <c>GET /openreferral/v3/</c> says about the feed.</summary>
public sealed record OrukApiDetails(string Version, string Profile, string OpenapiUrl);

/// <summary>
/// One page of a list endpoint. Searches count exactly up to 1,000 matches (or the end of the requested page);
/// beyond that <c>total_items</c> is a lower bound, <c>total_items_is_lower_bound</c> (an extension the ORUK
/// validator ignores) says so, and <c>last_page</c> stays false while more follow.
/// </summary>
public sealed record OrukPage<T>(
    int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TotalItemsIsLowerBound = false);

/// <summary>A service: one hub, micro-enterprise or activity.</summary>
public sealed record OrukService
{
    public Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public string Status { get; init; } = "active";
    public string? Fees { get; init; }
    public string? Accreditations { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public string? AssuredDate { get; init; }
    public IReadOnlyList<OrukSchedule>? Schedules { get; init; }
    public IReadOnlyList<OrukServiceArea>? ServiceAreas { get; init; }
    public IReadOnlyList<OrukServiceAtLocation>? ServiceAtLocations { get; init; }
    public OrukOrganization? Organization { get; init; }
    public IReadOnlyList<OrukCostOption>? CostOptions { get; init; }
    public IReadOnlyList<OrukContact>? Contacts { get; init; }
    public IReadOnlyList<OrukAttributeEntry>? Attributes { get; init; }
}

public sealed record OrukOrganization
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Email { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<OrukService>? Services { get; init; }
}

public sealed record OrukServiceAtLocation
{
    public Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? LocationId { get; init; }
    public OrukLocation? Location { get; init; }

    /// <summary>Not in the ORUK object: the service this row links, on <c>/service_at_locations</c> only (as the UK examples do).</summary>
    public OrukService? Service { get; init; }
}

public sealed record OrukLocation
{
    public Guid Id { get; init; }
    public string LocationType { get; init; } = "physical";
    public string? Name { get; init; }
    public string? Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public IReadOnlyList<OrukAddress>? Addresses { get; init; }
    public IReadOnlyList<OrukAccessibility>? Accessibility { get; init; }
}

public sealed record OrukAddress
{
    public Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    /// <summary>Named by hand: the snake_case policy writes <c>address1</c>.</summary>
    [JsonPropertyName("address_1")]
    public string Address1 { get; init; } = "";
    public string City { get; init; } = "";
    public string StateProvince { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string Country { get; init; } = "GB";
    public string AddressType { get; init; } = "physical";
}

public sealed record OrukAccessibility
{
    public Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    public string? Description { get; init; }
    public string? Details { get; init; }
}

public sealed record OrukServiceArea
{
    public Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public string? Extent { get; init; }
    public string? ExtentType { get; init; }
}

public sealed record OrukSchedule
{
    public Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? ValidFrom { get; init; }
    public string? Dtstart { get; init; }
    public string? Freq { get; init; }
    public int? Interval { get; init; }
    public string? Byday { get; init; }
    public string? Bymonthday { get; init; }
    public string? Description { get; init; }
    public string? OpensAt { get; init; }
    public string? ClosesAt { get; init; }
    public string? AttendingType { get; init; }
    public string? Notes { get; init; }
}

public sealed record OrukCostOption
{
    public Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? Option { get; init; }
    public decimal? Amount { get; init; }
    public string? AmountDescription { get; init; }
}

public sealed record OrukContact
{
    public Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<OrukPhone>? Phones { get; init; }
}

public sealed record OrukPhone
{
    public Guid Id { get; init; }
    public Guid? ContactId { get; init; }
    public string Number { get; init; } = "";
}

public sealed record OrukAttributeEntry
{
    public Guid Id { get; init; }
    public Guid? LinkId { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public string? LinkType { get; init; }
    public OrukTaxonomyTerm? TaxonomyTerm { get; init; }
}

public sealed record OrukTaxonomy
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Version { get; init; }
    public IReadOnlyList<OrukTaxonomyTerm>? TaxonomyTerms { get; init; }
}

public sealed record OrukTaxonomyTerm
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public Guid? ParentId { get; init; }
    public string? Taxonomy { get; init; }
    public Guid? TaxonomyId { get; init; }
    public string? Term { get; init; }
}
