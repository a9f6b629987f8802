using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace AssetMap.Import.Readers;

/// <summary>
/// The canonical import fields and the headers the CVS spreadsheets use for them. Headers match after
/// <see cref="Normalise"/>, so "E-mail", "email" and "E mail" are one header, as are "Post Code" and "Postcode".
/// </summary>
internal static class ColumnMap
{
    private static readonly (string Field, string[] Synonyms)[] Definitions =
    [
        ("ref", ["ref", "reference", "id", "external ref", "cvs ref", "record id"]),
        ("kind", ["type", "kind", "asset type", "category of asset"]),
        ("name", ["name", "name of group", "group name", "business name", "activity name", "title"]),
        // Its own field, not a name synonym: on an activity sheet it says who runs the activity (the provider), and
        // a sheet with no other name column uses it as the name (see AssetRowMapper).
        ("organisation", ["organisation", "organisation name", "organization", "organization name"]),
        ("summary", ["summary", "short description", "strapline"]),
        ("description", ["description", "details", "about", "long description"]),
        ("address", ["address", "address line 1", "street", "venue address"]),
        ("town", ["town", "city", "locality", "area"]),
        ("postcode", ["postcode", "post code", "postal code", "zip"]),
        ("latitude", ["lat", "latitude"]),
        ("longitude", ["lon", "long", "lng", "longitude"]),
        ("easting", ["easting", "eastings", "x", "os easting"]),
        ("northing", ["northing", "northings", "y", "os northing"]),
        ("phone", ["phone", "tel", "telephone", "phone number", "contact number", "mobile"]),
        ("email", ["email", "e-mail", "email address"]),
        ("website", ["website", "web site", "web", "url", "web address"]),
        ("categories", ["categories", "category", "tags", "services category"]),
        ("openingHours", ["opening hours", "opening times", "hours"]),
        ("facilities", ["facilities"]),
        ("services", ["services", "services offered"]),
        ("price", ["price", "charge", "fee", "price from"]),
        ("priceUnit", ["price unit", "per", "unit"]),
        ("cost", ["cost", "cost per session"]),
        ("directPayments", ["direct payments", "accepts direct payments", "personal budgets"]),
        ("insuranceExpiry", ["insurance expiry", "insurance expires", "public liability expiry", "pli expiry"]),
        ("dbsChecked", ["dbs checked", "dbs date", "dbs check date"]),
        ("cqcRegistration", ["cqc registration", "cqc", "cqc id"]),
        ("cqcChecked", ["cqc checked", "cqc check date", "cqc registration checked"]),
        ("serviceRadiusKm", ["service radius (km)", "service radius", "radius km", "travels (km)"]),
        ("homeBased", ["home based", "run from home"]),
        ("showHomeLocation", ["show home location"]),
        ("wheelchairAccessible", ["wheelchair accessible", "accessible", "step free", "wheelchair access"]),
        ("accessibilityNotes", ["accessibility notes", "accessibility", "access notes"]),
        ("status", ["status"]),
        ("lastVerified", ["last verified", "verified", "date checked", "last checked", "last updated"]),
        ("provider", ["provider", "run by", "organiser"]),
        ("venueRef", ["venue ref", "venue"]),
        ("schedule", ["schedule", "when", "day and time", "days and times", "session times"]),
        ("firstSession", ["first session", "start date", "starts"]),
        ("startTime", ["start time"]),
        ("endTime", ["end time"]),
        ("recurrence", ["recurrence", "rrule", "repeats"]),
        ("eligibility", ["eligibility", "who for", "who can attend"]),
        ("referral", ["referral", "referral route", "how to join"]),
        ("capacity", ["capacity", "places", "max attendees"]),
    ];

    /// <summary>Every canonical field name, in the order above.</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Definitions.Select(d => d.Field)];

    // Normalised synonym (and the field's own name, so "openingHours" works as a header) → field.
    private static readonly FrozenDictionary<string, string> BySynonym = Definitions
        .SelectMany(d => d.Synonyms.Append(d.Field).Select(s => (Key: Normalise(s), d.Field)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Field, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ByFieldName =
        Fields.ToFrozenDictionary(Normalise, f => f, StringComparer.Ordinal);

    /// <summary>The synonyms of every field, as written above (for error messages and tests).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; } =
        Definitions.ToFrozenDictionary(d => d.Field, d => (IReadOnlyList<string>)d.Synonyms, StringComparer.Ordinal);

    /// <summary>Lower-case letters and digits only: the form in which headers are compared.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(char.IsLetterOrDigit))
        {
            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical field a header stands for, or null. A mapping entry for the header wins over the synonyms,
    /// including an entry that maps it to null (column deliberately ignored).
    /// </summary>
    public static string? FieldFor(string header, ColumnMapping? mapping)
    {
        var key = Normalise(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (mapping is not null && mapping.Columns.TryGetValue(key, out var overridden))
        {
            return overridden;
        }

        return BySynonym.GetValueOrDefault(key);
    }

    /// <summary>The canonical spelling of a field name written in any case or punctuation, or null if unknown.</summary>
    public static string? CanonicalField(string name) => ByFieldName.GetValueOrDefault(Normalise(name));
}
