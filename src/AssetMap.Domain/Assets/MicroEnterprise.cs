using AssetMap.Domain.Taxonomy;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Assets;

/// <summary>A very small local business offering care or support (home care, lunch club, pet care, handyperson…).</summary>
public sealed class MicroEnterprise : Asset
{
    private MicroEnterprise()
    {
    }

    private MicroEnterprise(string slug, AssetProfile profile, IEnumerable<Category> categories)
        : base(AssetKind.MicroEnterprise, slug, profile, categories)
    {
    }

    /// <summary>Services offered.</summary>
    public IReadOnlyList<string> Services { get; private set; } = [];

    /// <summary>Typical price.</summary>
    public Money? Price { get; private set; }

    /// <summary>What the price buys, e.g. "per hour".</summary>
    public string? PriceUnit { get; private set; }

    /// <summary>Takes direct payments / personal budgets.</summary>
    public bool AcceptsDirectPayments { get; private set; }

    /// <summary>Public liability insurance expiry.</summary>
    public DateOnly? InsuranceExpiresOn { get; private set; }

    /// <summary>Latest DBS check.</summary>
    public DateOnly? DbsCheckedOn { get; private set; }

    /// <summary>CQC registration id, where regulated.</summary>
    public string? CqcRegistration { get; private set; }

    /// <summary>
    /// When the CQC registration was last confirmed on the CQC register: a registration can be cancelled or suspended,
    /// so like the other evidence it carries a date and goes stale.
    /// </summary>
    public DateOnly? CqcCheckedOn { get; private set; }

    /// <summary>How far from its base it travels, in metres.</summary>
    public int? ServiceRadiusMetres { get; private set; }

    /// <summary>Area served, when given as a polygon (<c>geography</c>).</summary>
    public Polygon? ServiceArea { get; private set; }

    /// <summary>Run from a home address.</summary>
    public bool HomeBased { get; private set; }

    /// <summary>Opted in to showing the home location.</summary>
    public bool ShowsHomeLocation { get; private set; }

    /// <summary>Creates a micro-enterprise.</summary>
    public static MicroEnterprise Create(AssetProfile profile, IEnumerable<Category> categories, MicroEnterpriseDetails details)
    {
        var enterprise = new MicroEnterprise(profile.Name, profile, categories);
        enterprise.SetDetails(details);
        return enterprise;
    }

    /// <summary>Replaces the micro-enterprise fields.</summary>
    public void SetDetails(MicroEnterpriseDetails details)
    {
        if (details.ServiceRadiusMetres is <= 0 or > 100_000)
        {
            throw new DomainRuleException("serviceRadius", "A service radius must be between 1 m and 100 km.");
        }

        if (details.ShowsHomeLocation && !details.HomeBased)
        {
            throw new DomainRuleException("showHomeLocation", "Only a home-based business can opt in to showing its home.");
        }

        AtMost(details.PriceUnit, 50, "priceUnit", "A price unit is at most 50 characters, e.g. 'per hour'.");
        AtMost(details.CqcRegistration, 20, "cqcRegistration", "A CQC registration id is at most 20 characters.");

        if (details.ServiceArea is { } area && (area.SRID != Spatial.Geo.Srid || !area.IsValid))
        {
            throw new DomainRuleException("serviceArea", "A service area must be a valid WGS84 polygon.");
        }

        Services = [.. details.Services.Select(s => s.Trim()).Where(s => s.Length > 0)];
        Price = details.Price;
        PriceUnit = string.IsNullOrWhiteSpace(details.PriceUnit) ? null : details.PriceUnit.Trim();
        AcceptsDirectPayments = details.AcceptsDirectPayments;
        InsuranceExpiresOn = details.InsuranceExpiresOn;
        DbsCheckedOn = details.DbsCheckedOn;
        CqcRegistration = string.IsNullOrWhiteSpace(details.CqcRegistration) ? null : details.CqcRegistration.Trim();
        CqcCheckedOn = CqcRegistration is null ? null : details.CqcCheckedOn;
        ServiceRadiusMetres = details.ServiceRadiusMetres;
        ServiceArea = details.ServiceArea;
        HomeBased = details.HomeBased;
        ShowsHomeLocation = details.ShowsHomeLocation;
        RefreshPublicLocation();
    }

    /// <summary>A home-based business shows its service area, not its home, unless it opted in.</summary>
    protected override bool HidesLocation => HomeBased && !ShowsHomeLocation;
}
