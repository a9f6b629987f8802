using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>An entity as its editable fields: what GET for editors answers, what a merge patch changes, what a form shows.</summary>
internal static class EditRepresentation
{
    public static AssetRecordResponse ToRecord(this Asset asset) =>
        new(asset.Id, asset.Slug, asset.Kind, asset.Version, asset.PcnAreaCode, asset.UpdatedAt, asset.ToEdit());

    public static AssetEdit ToEdit(this Asset asset) => new(
        asset.Name,
        asset.Summary,
        asset.Description,
        [.. asset.Categories.Select(c => c.Slug).Order(StringComparer.Ordinal)],
        new AddressEdit(asset.Address.Line, asset.Address.Town, asset.Address.Postcode?.Value),
        new GeoPoint(asset.Location.Y, asset.Location.X),
        new ContactResponse(asset.Contact.Phone, asset.Contact.Email, asset.Contact.Website),
        asset.WheelchairAccessible,
        asset.AccessibilityNotes,
        asset.Status,
        asset.LastVerifiedAt,
        asset is CommunityHub hub ? new HubEdit(hub.OpeningHours?.ToString(), hub.Facilities) : null,
        asset is MicroEnterprise me
            ? new MicroEnterpriseEdit(me.Services, me.Price?.Pence, me.PriceUnit, me.AcceptsDirectPayments, me.InsuranceExpiresOn, me.DbsCheckedOn,
                me.CqcRegistration, me.ServiceRadiusMetres, me.HomeBased, me.ShowsHomeLocation)
            : null,
        asset is SocialPrescribingActivity activity
            ? new ActivityEdit(activity.Provider, activity.VenueId,
                new ScheduleEdit(activity.Schedule.FirstStart, (int)activity.Schedule.Duration.TotalMinutes, activity.Schedule.Rule),
                activity.Cost?.Pence, activity.Eligibility, activity.Referral, activity.Capacity)
            : null);
}
