using System.Globalization;
using System.Text;
using AssetMap.Domain.Assets;

namespace AssetMap.Import.Importing;

/// <summary>
/// Everything a CVS row says about an asset, as one string: equal fingerprints mean re-importing the row changes
/// nothing ("unchanged"). The source row and the verification date are left out — they describe the import, not the asset.
/// </summary>
internal static class AssetFingerprint
{
    public static string Of(Asset asset)
    {
        var text = new StringBuilder();
        void Add(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');

        Add(asset.Kind);
        Add(asset.Name);
        Add(asset.Summary);
        Add(asset.Description);
        Add(asset.Address.Line);
        Add(asset.Address.Town);
        Add(asset.Address.Postcode?.Value);
        Add(Math.Round(asset.Location.X, 6));
        Add(Math.Round(asset.Location.Y, 6));
        Add(asset.Contact.Phone);
        Add(asset.Contact.Email);
        Add(asset.Contact.Website);
        Add(asset.WheelchairAccessible);
        Add(asset.AccessibilityNotes);
        Add(asset.Status);
        Add(string.Join(",", asset.Categories.Select(c => c.Id).Order()));
        switch (asset)
        {
            case CommunityHub hub:
                Add(hub.OpeningHours);
                Add(string.Join(",", hub.Facilities));
                break;
            case MicroEnterprise me:
                Add(string.Join(",", me.Services));
                Add(me.Price?.Pence);
                Add(me.PriceUnit);
                Add(me.AcceptsDirectPayments);
                Add(me.InsuranceExpiresOn);
                Add(me.DbsCheckedOn);
                Add(me.CqcRegistration);
                Add(me.CqcCheckedOn);
                Add(me.ServiceRadiusMetres);
                Add(me.HomeBased);
                Add(me.ShowsHomeLocation);
                break;
            case SocialPrescribingActivity activity:
                Add(activity.Provider);
                Add(activity.VenueId);
                Add(activity.Schedule.FirstStart.ToString("s", CultureInfo.InvariantCulture));
                Add(activity.Schedule.Duration);
                Add(activity.Schedule.Rule);
                Add(activity.Cost?.Pence);
                Add(activity.Eligibility);
                Add(activity.Referral);
                Add(activity.Capacity);
                break;
        }

        return text.ToString();
    }
}
