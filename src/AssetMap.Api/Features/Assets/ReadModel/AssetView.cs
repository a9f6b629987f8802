using AssetMap.Domain.Assets;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets.ReadModel;

/// <summary>
/// The public face of one published asset, projected in SQL by <see cref="AssetProjection"/>. REST, GraphQL and the
/// pages shape their output from this record and never load entities, so what the public may see is decided once:
/// it holds no private column (no exact home, no street line or full postcode of a hidden home).
/// </summary>
internal sealed record AssetView
{
    public Guid Id { get; init; }

    public string Slug { get; init; } = "";

    public AssetKind Kind { get; init; }

    public string Name { get; init; } = "";

    public string Summary { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>By name.</summary>
    public List<CategoryRef> Categories { get; init; } = [];

    /// <summary>The public point: about 1 km from the home when <see cref="LocationIsApproximate"/>.</summary>
    public Point Location { get; init; } = null!;

    /// <summary>True when the home is hidden (a home-based business that has not opted in).</summary>
    public bool LocationIsApproximate { get; init; }

    /// <summary>Street line; null when the home is hidden.</summary>
    public string? AddressLine { get; init; }

    public string Town { get; init; } = "";

    /// <summary>The full postcode, or only its outward code when the home is hidden.</summary>
    public string? Postcode { get; init; }

    /// <summary>The PCN area the public point falls in.</summary>
    public PcnAreaView? PcnArea { get; init; }

    public Contact Contact { get; init; } = Contact.None;

    public bool WheelchairAccessible { get; init; }

    public string? AccessibilityNotes { get; init; }

    public DateTimeOffset? LastVerifiedAt { get; init; }

    /// <summary>When the record was first saved: a never-checked entry's review interval runs from here (see <see cref="VerificationRules"/>).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the record last changed (the Open Referral feed's <c>last_modified</c> and <c>modified_after</c>).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The concurrency version (xmin): the detail's ETag starts with it, so an editor can send it in If-Match.</summary>
    public uint Version { get; init; }

    public HubView? Hub { get; init; }

    public MicroEnterpriseView? MicroEnterprise { get; init; }

    public ActivityView? Activity { get; init; }
}

/// <summary>A PCN area without its boundary: what an asset, a list or a link needs.</summary>
internal sealed record PcnAreaView
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string Locality { get; init; } = "";
}

internal sealed record HubView
{
    public OpeningHours? OpeningHours { get; init; }

    public IReadOnlyList<string> Facilities { get; init; } = [];
}

internal sealed record MicroEnterpriseView
{
    public IReadOnlyList<string> Services { get; init; } = [];

    public Money? Price { get; init; }

    public string? PriceUnit { get; init; }

    public bool AcceptsDirectPayments { get; init; }

    public DateOnly? InsuranceExpiresOn { get; init; }

    public DateOnly? DbsCheckedOn { get; init; }

    public string? CqcRegistration { get; init; }

    /// <summary>When the CQC registration was last confirmed (flags come from <see cref="EvidenceRules"/>).</summary>
    public DateOnly? CqcCheckedOn { get; init; }

    /// <summary>Centred on the public point.</summary>
    public int? ServiceRadiusMetres { get; init; }

    public bool HomeBased { get; init; }
}

internal sealed record ActivityView
{
    public string Provider { get; init; } = "";

    /// <summary>The published hub it meets at.</summary>
    public VenueView? Venue { get; init; }

    public Schedule Schedule { get; init; } = null!;

    public Money? Cost { get; init; }

    public string? Eligibility { get; init; }

    public ReferralRoute Referral { get; init; }

    public int? Capacity { get; init; }
}

/// <summary>What an activity says about its venue; the venue's full record is one more read by id.</summary>
internal sealed record VenueView
{
    public Guid Id { get; init; }

    public string Slug { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>The hub's public point (a hub never hides its place).</summary>
    public Point Location { get; init; } = null!;

    public string? AddressLine { get; init; }

    public string Town { get; init; } = "";

    public string? Postcode { get; init; }
}

/// <summary>A search result: the asset and, when the search had a point, its distance from the public point.</summary>
internal sealed record AssetHit(AssetView View, double? DistanceMetres);
