using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Assets;

/// <summary>What a practitioner checks before suggesting a micro-enterprise.</summary>
/// <param name="Services">Services offered, e.g. "Nail cutting".</param>
/// <param name="Price">Typical price, when published.</param>
/// <param name="PriceUnit">What the price buys, e.g. "per hour".</param>
/// <param name="AcceptsDirectPayments">Takes direct payments / personal budgets.</param>
/// <param name="InsuranceExpiresOn">Public liability insurance expiry.</param>
/// <param name="DbsCheckedOn">Date of the latest DBS check.</param>
/// <param name="CqcRegistration">CQC registration id, where the service is regulated.</param>
/// <param name="ServiceRadiusMetres">How far from its base it travels.</param>
/// <param name="ServiceArea">The area it serves, when given as a polygon.</param>
/// <param name="HomeBased">Run from a home address.</param>
/// <param name="ShowsHomeLocation">The owner opted in to showing the home location; otherwise only the service area is public.</param>
/// <param name="CqcCheckedOn">When the CQC registration was last confirmed on the CQC register.</param>
public sealed record MicroEnterpriseDetails(
    IReadOnlyList<string> Services,
    Money? Price,
    string? PriceUnit,
    bool AcceptsDirectPayments,
    DateOnly? InsuranceExpiresOn,
    DateOnly? DbsCheckedOn,
    string? CqcRegistration,
    int? ServiceRadiusMetres,
    Polygon? ServiceArea,
    bool HomeBased,
    bool ShowsHomeLocation,
    DateOnly? CqcCheckedOn = null);
