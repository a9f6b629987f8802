using AssetMap.Domain.Assets;
using AssetMap.Domain.Spatial;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>Entity → response. Privacy rules are applied here, in one place.</summary>
internal static class AssetMappings
{
    public static AssetDetailResponse ToDetail(this Asset asset)
    {
        // A home-based business shows its service area, not the home, unless it opted in (DESIGN.md privacy rules).
        var hidesHome = asset is MicroEnterprise { HomeBased: true, ShowsHomeLocation: false };
        return new AssetDetailResponse(
            asset.Id,
            asset.Slug,
            asset.Kind,
            asset.Name,
            asset.Summary,
            asset.Description,
            [.. asset.Categories.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CategoryRef(c.Slug, c.Name))],
            hidesHome ? null : asset.Location.ToGeoPoint(),
            hidesHome
                ? new AddressResponse(null, asset.Address.Town, asset.Address.Postcode?.Outward)
                : new AddressResponse(asset.Address.Line, asset.Address.Town, asset.Address.Postcode?.Value),
            asset.PcnAreaCode,
            new ContactResponse(asset.Contact.Phone, asset.Contact.Email, asset.Contact.Website),
            asset.WheelchairAccessible,
            asset.AccessibilityNotes,
            asset.LastVerifiedAt,
            asset is CommunityHub hub ? new HubDetails(hub.OpeningHours?.ToString(), hub.Facilities) : null,
            asset is MicroEnterprise enterprise ? enterprise.ToResponse(hidesHome) : null,
            asset is SocialPrescribingActivity activity ? activity.ToResponse() : null);
    }

    private static MicroEnterpriseResponse ToResponse(this MicroEnterprise enterprise, bool hidesHome) => new(
        enterprise.Services,
        enterprise.Price?.Pence,
        enterprise.Price?.ToString(),
        enterprise.PriceUnit,
        enterprise.AcceptsDirectPayments,
        enterprise.InsuranceExpiresOn,
        enterprise.DbsCheckedOn,
        enterprise.CqcRegistration,
        enterprise.ServiceRadiusMetres is { } radius
            ? new ServiceAreaResponse((hidesHome ? Geo.Coarsen(enterprise.Location) : enterprise.Location).ToGeoPoint(), radius)
            : null,
        enterprise.HomeBased);

    private static ActivityResponse ToResponse(this SocialPrescribingActivity activity) => new(
        activity.Provider,
        activity.VenueId,
        new ScheduleResponse(activity.Schedule.FirstStart, (int)activity.Schedule.Duration.TotalMinutes, activity.Schedule.Rule, Schedule.TimeZone),
        activity.Cost?.Pence,
        activity.Cost?.ToString(),
        activity.Eligibility,
        activity.Referral,
        activity.Capacity);

    private static GeoPoint ToGeoPoint(this Point point) => new(point.Y, point.X);
}
