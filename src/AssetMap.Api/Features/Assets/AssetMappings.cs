using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>Entity and hit → response. Privacy rules are applied here and in <see cref="Asset.PublicLocation"/>.</summary>
internal static class AssetMappings
{
    public const string DetailPath = "/api/v1/assets/";

    public static AssetDetailResponse ToDetail(this Asset asset, AssetLink? venue, DateTime nowLocal)
    {
        // A home-based business shows its service area, not the home, unless it opted in (DESIGN.md privacy rules).
        var hidesHome = asset.LocationIsApproximate;
        return new AssetDetailResponse(
            asset.Id,
            asset.Slug,
            asset.Kind,
            asset.Name,
            asset.Summary,
            asset.Description,
            [.. asset.Categories.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CategoryRef(c.Slug, c.Name))],
            asset.PublicLocation.ToGeoPoint(),
            hidesHome,
            asset.PublicAddress(),
            asset.PcnAreaCode,
            new ContactResponse(asset.Contact.Phone, asset.Contact.Email, asset.Contact.Website),
            asset.WheelchairAccessible,
            asset.AccessibilityNotes,
            asset.LastVerifiedAt,
            asset is CommunityHub hub ? new HubDetails(hub.OpeningHours?.ToString(), hub.Facilities) : null,
            asset is MicroEnterprise enterprise ? enterprise.ToResponse() : null,
            asset is SocialPrescribingActivity activity ? activity.ToResponse(venue, nowLocal) : null);
    }

    /// <summary>The address the public sees: no street line and only the outward postcode when the home is hidden.</summary>
    public static AddressResponse PublicAddress(this Asset asset) => asset.LocationIsApproximate
        ? new AddressResponse(null, asset.Address.Town, asset.Address.Postcode?.Outward)
        : new AddressResponse(asset.Address.Line, asset.Address.Town, asset.Address.Postcode?.Value);

    public static AssetSummaryResponse ToSummary(this AssetHit hit) => new(
        hit.Id,
        hit.Slug,
        hit.Kind,
        hit.Name,
        hit.Summary,
        hit.Categories,
        hit.Location.ToGeoPoint(),
        hit.LocationIsApproximate,
        hit.DistanceMetres is { } metres ? Math.Round(metres, 1) : null,
        hit.PcnAreaCode,
        hit.LastVerifiedAt,
        DetailPath + hit.Id);

    public static GeoJsonFeature<AssetSummaryResponse> ToFeature(this AssetSummaryResponse summary) =>
        new(summary.Id.ToString(), new GeoJsonGeometry("Point", new[] { summary.Location.Longitude, summary.Location.Latitude }), summary);

    public static GeoPoint ToGeoPoint(this Point point) => new(point.Y, point.X);

    private static MicroEnterpriseResponse ToResponse(this MicroEnterprise enterprise) => new(
        enterprise.Services,
        enterprise.Price?.Pence,
        enterprise.Price?.ToString(),
        enterprise.PriceUnit,
        enterprise.AcceptsDirectPayments,
        enterprise.InsuranceExpiresOn,
        enterprise.DbsCheckedOn,
        enterprise.CqcRegistration,
        enterprise.ServiceRadiusMetres is { } radius ? new ServiceAreaResponse(enterprise.PublicLocation.ToGeoPoint(), radius) : null,
        enterprise.HomeBased);

    private static ActivityResponse ToResponse(this SocialPrescribingActivity activity, AssetLink? venue, DateTime nowLocal) => new(
        activity.Provider,
        venue,
        new ScheduleResponse(
            activity.Schedule.FirstStart,
            (int)activity.Schedule.Duration.TotalMinutes,
            activity.Schedule.Rule,
            Schedule.TimeZone,
            activity.Schedule.NextSessions(nowLocal, 5)),
        activity.Cost?.Pence,
        activity.Cost?.ToString(),
        activity.Eligibility,
        activity.Referral,
        activity.Capacity);
}
