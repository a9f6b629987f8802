using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>Read record → REST response. Privacy was decided in <see cref="AssetProjection"/>; nothing here re-decides it.</summary>
internal static class AssetMappings
{
    public const string DetailPath = "/api/v1/assets/";

    public static AssetDetailResponse ToDetail(this AssetView view, DateTime nowLocal, VerificationRules verification, EvidenceRules evidence) => new(
        view.Id,
        view.Slug,
        view.Kind,
        view.Name,
        view.Summary,
        view.Description,
        view.Categories,
        view.Location.ToGeoPoint(),
        view.LocationIsApproximate,
        view.ToAddress(),
        view.PcnArea?.Code,
        new ContactResponse(view.Contact.Phone, view.Contact.Email, view.Contact.Website),
        view.WheelchairAccessible,
        view.AccessibilityNotes,
        view.LastVerifiedAt,
        view.Hub is { } hub ? new HubDetails(hub.OpeningHours?.ToString(), hub.Facilities) : null,
        view.MicroEnterprise is { } enterprise ? enterprise.ToResponse(view.Location, evidence) : null,
        view.Activity is { } activity ? activity.ToResponse(nowLocal) : null,
        verification.Of(view).ToResponse());

    public static VerificationResponse ToResponse(this Verification verification) =>
        new(verification.State, verification.LastVerifiedAt, verification.DueAt);

    public static EvidenceResponse ToResponse(this EvidenceItem item) => new(item.Kind, item.Date, item.ExpiresOn, item.State, item.Reference);

    public static AddressResponse ToAddress(this AssetView view) => new(view.AddressLine, view.Town, view.Postcode);

    public static AssetSummaryResponse ToSummary(this AssetHit hit, VerificationRules verification) => new(
        hit.View.Id,
        hit.View.Slug,
        hit.View.Kind,
        hit.View.Name,
        hit.View.Summary,
        hit.View.Categories,
        hit.View.Location.ToGeoPoint(),
        hit.View.LocationIsApproximate,
        hit.DistanceMetres is { } metres ? Math.Round(metres, 1) : null,
        hit.View.PcnArea?.Code,
        hit.View.LastVerifiedAt,
        hit.View.Activity?.Venue?.ToLink(),
        DetailPath + hit.View.Id,
        verification.Of(hit.View).State);

    public static AssetLink ToLink(this VenueView venue) => new(venue.Id, venue.Slug, venue.Name, DetailPath + venue.Id);

    public static GeoJsonFeature<AssetSummaryResponse> ToFeature(this AssetSummaryResponse summary) =>
        new(summary.Id.ToString(), new GeoJsonGeometry("Point", new[] { summary.Location.Longitude, summary.Location.Latitude }), summary);

    public static GeoPoint ToGeoPoint(this Point point) => new(point.Y, point.X);

    /// <summary>The service area, centred on the public point (never the hidden home).</summary>
    public static ServiceAreaResponse? ServiceArea(this MicroEnterpriseView enterprise, Point publicPoint) =>
        enterprise.ServiceRadiusMetres is { } radius ? new ServiceAreaResponse(publicPoint.ToGeoPoint(), radius) : null;

    private static MicroEnterpriseResponse ToResponse(this MicroEnterpriseView enterprise, Point publicPoint, EvidenceRules evidence) => new(
        enterprise.Services,
        enterprise.Price?.Pence,
        enterprise.Price?.ToString(),
        enterprise.PriceUnit,
        enterprise.AcceptsDirectPayments,
        enterprise.InsuranceExpiresOn,
        enterprise.DbsCheckedOn,
        enterprise.CqcRegistration,
        enterprise.ServiceArea(publicPoint),
        enterprise.HomeBased,
        enterprise.CqcCheckedOn,
        [.. evidence.Of(enterprise).Select(ToResponse)]);

    private static ActivityResponse ToResponse(this ActivityView activity, DateTime nowLocal) => new(
        activity.Provider,
        activity.Venue?.ToLink(),
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
