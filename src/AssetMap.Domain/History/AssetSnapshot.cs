using System.Globalization;
using AssetMap.Domain.Assets;

namespace AssetMap.Domain.History;

/// <summary>
/// An asset's editable fields as text, keyed by the field names history shows (the REST contract's camelCase names), so
/// every path that changes an asset (API, web form, import, accepted suggestion, review) records the same fields the
/// same way: take a snapshot before, change the entity, take one after, record <see cref="Changes"/>.
/// </summary>
public static class AssetSnapshot
{
    /// <summary>Each editable field's current value as invariant text (null when absent).</summary>
    public static IReadOnlyDictionary<string, string?> Of(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = asset.Name,
            ["summary"] = asset.Summary,
            ["description"] = asset.Description,
            ["address.line"] = asset.Address.Line,
            ["address.town"] = asset.Address.Town,
            ["address.postcode"] = asset.Address.Postcode?.Value,
            ["location"] = Text(asset.Location.Y) + "," + Text(asset.Location.X),
            ["contact.phone"] = asset.Contact.Phone,
            ["contact.email"] = asset.Contact.Email,
            ["contact.website"] = asset.Contact.Website,
            ["wheelchairAccessible"] = Text(asset.WheelchairAccessible),
            ["accessibilityNotes"] = asset.AccessibilityNotes,
            ["status"] = asset.Status.ToString(),
            ["lastVerifiedAt"] = asset.LastVerifiedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["categories"] = string.Join(";", asset.Categories.Select(c => c.Slug).Order(StringComparer.Ordinal)),
        };
        switch (asset)
        {
            case CommunityHub hub:
                fields["openingHours"] = hub.OpeningHours?.ToString();
                fields["facilities"] = string.Join(";", hub.Facilities);
                break;
            case MicroEnterprise me:
                fields["services"] = string.Join(";", me.Services);
                fields["price"] = me.Price?.ToString();
                fields["priceUnit"] = me.PriceUnit;
                fields["acceptsDirectPayments"] = Text(me.AcceptsDirectPayments);
                fields["insuranceExpiresOn"] = Text(me.InsuranceExpiresOn);
                fields["dbsCheckedOn"] = Text(me.DbsCheckedOn);
                fields["cqcRegistration"] = me.CqcRegistration;
                fields["cqcCheckedOn"] = Text(me.CqcCheckedOn);
                fields["serviceRadiusMetres"] = me.ServiceRadiusMetres?.ToString(CultureInfo.InvariantCulture);
                fields["homeBased"] = Text(me.HomeBased);
                fields["showsHomeLocation"] = Text(me.ShowsHomeLocation);
                break;
            case SocialPrescribingActivity activity:
                fields["provider"] = activity.Provider;
                fields["venueId"] = activity.VenueId?.ToString();
                fields["schedule"] = activity.Schedule is { } s
                    ? s.FirstStart.ToString("s", CultureInfo.InvariantCulture) + " " + s.Duration.ToString("c", CultureInfo.InvariantCulture) + " " + s.Rule
                    : null;
                fields["cost"] = activity.Cost?.ToString();
                fields["eligibility"] = activity.Eligibility;
                fields["referral"] = activity.Referral.ToString();
                fields["capacity"] = activity.Capacity?.ToString(CultureInfo.InvariantCulture);
                break;
        }

        return fields;
    }

    /// <summary>The fields whose value differs between two snapshots (a field absent from one side counts as null).</summary>
    public static IReadOnlyList<FieldChange> Changes(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(field => new FieldChange(field, before.GetValueOrDefault(field), after.GetValueOrDefault(field)))
            .Where(change => !string.Equals(change.Before, change.After, StringComparison.Ordinal))];
    }

    /// <summary>Every field of a new record as a change from nothing.</summary>
    public static IReadOnlyList<FieldChange> Created(IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        // Same result as Changes(empty, after), without the union and sort: an import creates many records at once.
        return [.. after.Where(field => field.Value is not null).OrderBy(field => field.Key, StringComparer.Ordinal)
            .Select(field => new FieldChange(field.Key, null, field.Value))];
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string? Text(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
