using System.Globalization;
using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// The web form's fields as text, named like the REST contract (<c>contact.phone</c>): an <see cref="AssetEdit"/> to
/// values to show, and posted values back to an <see cref="AssetEdit"/>. Only the form's own text formats (a price in
/// pounds, dates, lines) are parsed here; every rule stays the domain's.
/// </summary>
internal static class AssetForm
{
    public static Dictionary<string, string?> Values(AssetEdit edit)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = edit.Name,
            ["summary"] = edit.Summary,
            ["description"] = edit.Description,
            ["categories"] = string.Join(";", edit.Categories ?? []),
            ["address.line"] = edit.Address?.Line,
            ["address.town"] = edit.Address?.Town,
            ["address.postcode"] = edit.Address?.Postcode,
            ["location.latitude"] = edit.Location?.Latitude.ToString(CultureInfo.InvariantCulture),
            ["location.longitude"] = edit.Location?.Longitude.ToString(CultureInfo.InvariantCulture),
            ["contact.phone"] = edit.Contact?.Phone,
            ["contact.email"] = edit.Contact?.Email,
            ["contact.website"] = edit.Contact?.Website,
            ["wheelchairAccessible"] = Bool(edit.WheelchairAccessible),
            ["accessibilityNotes"] = edit.AccessibilityNotes,
            ["status"] = (edit.Status ?? AssetStatus.Published).ToString(),
        };
        if (edit.Hub is { } hub)
        {
            values["hub.openingHours"] = hub.OpeningHours;
            values["hub.facilities"] = string.Join("\n", hub.Facilities ?? []);
        }

        if (edit.MicroEnterprise is { } me)
        {
            values["microEnterprise.services"] = string.Join("\n", me.Services ?? []);
            values["microEnterprise.price"] = me.PricePence is { } p ? new Money(p).ToString() : null;
            values["microEnterprise.priceUnit"] = me.PriceUnit;
            values["microEnterprise.acceptsDirectPayments"] = Bool(me.AcceptsDirectPayments);
            values["microEnterprise.insuranceExpiresOn"] = Date(me.InsuranceExpiresOn);
            values["microEnterprise.dbsCheckedOn"] = Date(me.DbsCheckedOn);
            values["microEnterprise.cqcRegistration"] = me.CqcRegistration;
            values["microEnterprise.serviceRadiusMetres"] = me.ServiceRadiusMetres?.ToString(CultureInfo.InvariantCulture);
            values["microEnterprise.homeBased"] = Bool(me.HomeBased);
            values["microEnterprise.showsHomeLocation"] = Bool(me.ShowsHomeLocation);
        }

        if (edit.Activity is { } a)
        {
            values["activity.provider"] = a.Provider;
            values["activity.venueId"] = a.VenueId?.ToString();
            values["activity.schedule.firstStart"] = a.Schedule?.FirstStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            values["activity.schedule.durationMinutes"] = a.Schedule?.DurationMinutes.ToString(CultureInfo.InvariantCulture);
            values["activity.schedule.rule"] = a.Schedule?.Rule;
            values["activity.cost"] = a.CostPence is { } c ? new Money(c).ToString() : null;
            values["activity.eligibility"] = a.Eligibility;
            values["activity.referral"] = (a.Referral ?? ReferralRoute.Either).ToString();
            values["activity.capacity"] = a.Capacity?.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The posted values (as <see cref="Values"/> names them) for a form of <paramref name="kind"/>.</summary>
    public static Dictionary<string, string?> Posted(IFormCollection form, AssetKind kind)
    {
        var template = Values(Blank(kind));
        var posted = template.Keys.ToDictionary(k => k, k => (string?)form[k].ToString(), StringComparer.Ordinal);
        posted["categories"] = string.Join(";", form["categories"].Where(c => !string.IsNullOrWhiteSpace(c)));
        return posted;
    }

    /// <summary>An empty entry of a kind: the new-entry form.</summary>
    public static AssetEdit Blank(AssetKind kind) => new(
        null, null, null, [], new AddressEdit(null, null, null), null, new ContactResponse(null, null, null), false, null, AssetStatus.Published, null,
        kind == AssetKind.Hub ? new HubEdit(null, []) : null,
        kind == AssetKind.MicroEnterprise ? new MicroEnterpriseEdit([], null, null, false, null, null, null, null, false, false) : null,
        kind == AssetKind.Activity ? new ActivityEdit(null, null, null, null, null, ReferralRoute.Either, null) : null);

    /// <summary>Values back to an edit; text the form cannot read is recorded against its field.</summary>
    public static AssetEdit Read(Dictionary<string, string?> v, AssetKind kind, DateTimeOffset? lastVerifiedAt, EditErrors errors)
    {
        GeoPoint? location = null;
        var lat = Text(v, "location.latitude");
        var lon = Text(v, "location.longitude");
        if (lat is not null || lon is not null)
        {
            var y = Number(lat, "location.latitude", errors);
            var x = Number(lon, "location.longitude", errors);
            location = y is { } yy && x is { } xx ? new GeoPoint(yy, xx) : null;
        }

        return new AssetEdit(
            Text(v, "name"), Text(v, "summary"), Text(v, "description"),
            [.. (Text(v, "categories") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            new AddressEdit(Text(v, "address.line"), Text(v, "address.town"), Text(v, "address.postcode")),
            location,
            new ContactResponse(Text(v, "contact.phone"), Text(v, "contact.email"), Text(v, "contact.website")),
            Text(v, "wheelchairAccessible") == "true",
            Text(v, "accessibilityNotes"),
            Enum.TryParse<AssetStatus>(Text(v, "status"), out var status) ? status : AssetStatus.Published,
            lastVerifiedAt,
            kind == AssetKind.Hub ? new HubEdit(Text(v, "hub.openingHours"), Lines(v, "hub.facilities")) : null,
            kind == AssetKind.MicroEnterprise
                ? new MicroEnterpriseEdit(
                    Lines(v, "microEnterprise.services"), Pence(v, "microEnterprise.price", errors), Text(v, "microEnterprise.priceUnit"),
                    Text(v, "microEnterprise.acceptsDirectPayments") == "true", Day(v, "microEnterprise.insuranceExpiresOn", errors),
                    Day(v, "microEnterprise.dbsCheckedOn", errors), Text(v, "microEnterprise.cqcRegistration"),
                    Whole(v, "microEnterprise.serviceRadiusMetres", errors), Text(v, "microEnterprise.homeBased") == "true",
                    Text(v, "microEnterprise.showsHomeLocation") == "true")
                : null,
            kind == AssetKind.Activity
                ? new ActivityEdit(
                    Text(v, "activity.provider"),
                    Guid.TryParse(Text(v, "activity.venueId"), out var venue) ? venue : null,
                    Schedule(v, errors),
                    Pence(v, "activity.cost", errors), Text(v, "activity.eligibility"),
                    Enum.TryParse<ReferralRoute>(Text(v, "activity.referral"), out var referral) ? referral : ReferralRoute.Either,
                    Whole(v, "activity.capacity", errors))
                : null);
    }

    /// <summary>The form field a contract field's error belongs beside.</summary>
    public static string FormName(string field) => field switch
    {
        "microEnterprise.pricePence" => "microEnterprise.price",
        "activity.costPence" => "activity.cost",
        "activity.schedule" => "activity.schedule.rule",
        "location" => "location.latitude",
        _ => field,
    };

    public static IReadOnlyDictionary<string, string[]> ForForm(EditErrors errors) =>
        errors.ByField.GroupBy(e => FormName(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);

    private static ScheduleEdit? Schedule(Dictionary<string, string?> v, EditErrors errors)
    {
        var start = Text(v, "activity.schedule.firstStart");
        if (start is null)
        {
            return null; // the domain asks for a schedule
        }

        if (!DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            errors.Add("activity.schedule.firstStart", $"'{start}' is not a date and time like 2026-01-06T10:00.");
            return null;
        }

        return new ScheduleEdit(first, Whole(v, "activity.schedule.durationMinutes", errors) ?? 0, Text(v, "activity.schedule.rule"));
    }

    private static long? Pence(Dictionary<string, string?> v, string field, EditErrors errors) =>
        Text(v, field) is { } text ? errors.Check(field, () => (long?)Money.Parse(text).Pence) : null;

    private static DateOnly? Day(Dictionary<string, string?> v, string field, EditErrors errors)
    {
        if (Text(v, field) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, $"'{text}' is not a date like 2027-03-31.");
        return null;
    }

    private static int? Whole(Dictionary<string, string?> v, string field, EditErrors errors)
    {
        if (Text(v, field) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(field, $"'{text}' is not a whole number.");
        return null;
    }

    private static double? Number(string? text, string field, EditErrors errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(field, "Give both latitude and longitude as decimal degrees, or neither to place the entry at its postcode.");
        return null;
    }

    private static List<string> Lines(Dictionary<string, string?> v, string field) =>
        [.. (Text(v, field) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Text(Dictionary<string, string?> v, string field) =>
        v.GetValueOrDefault(field) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
