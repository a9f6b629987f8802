using System.Globalization;
using System.Text.Json;
using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;

namespace AssetMap.Import.OpenReferral;

/// <summary>One feed service read into our terms: what to create or update, or why not.</summary>
public sealed record OrukEntry(
    string ServiceId, AssetKind Kind, AssetProfile Profile, IReadOnlyList<string> CategorySlugs, string? LocationId,
    OpeningHours? OpeningHours, MicroEnterpriseDetails? Business, ActivityDetails? Activity);

/// <summary>
/// Reads one ORUK 3.0 service (or, field by field where they agree, an ORUK 1.0 one) into an <see cref="OrukEntry"/>:
/// name, summary/description, the first location's point and address, url/email/phone, schedules (an RRULE in
/// <c>notes</c> when given, else rebuilt from freq/interval/byday/bymonthday; weekly opening times for hubs),
/// the first cost option, and categories from its attributes' taxonomy terms. Values the domain refuses become
/// problems on the service, never exceptions.
/// </summary>
internal sealed class OrukServiceReader(OrukReadMapping mapping, IReadOnlyDictionary<string, string> categoryNames, Action<string, string?, string?, string, bool> problem)
{
    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly string[] OsmDays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    public OrukEntry? Read(JsonElement service, string source, int position)
    {
        var id = Text(service, "id") ?? $"#{position}";
        void Error(string field, string? value, string reason) => problem(id, field, value, reason, true);
        void Warn(string field, string? value, string reason) => problem(id, field, value, reason, false);

        var name = Text(service, "name");
        if (name is null)
        {
            Error("name", null, "A service needs a name.");
            return null;
        }

        var location = Array(service, "service_at_locations").Select(l => l.TryGetProperty("location", out var loc) ? loc : l).FirstOrDefault();
        if (location.ValueKind != JsonValueKind.Object || Number(location, "latitude") is not { } lat || Number(location, "longitude") is not { } lon)
        {
            Error("location", null, "The service has no location with a latitude and longitude, so it cannot go on the map.");
            return null;
        }

        var address = Array(location, "addresses").Concat(Array(location, "physical_addresses")).FirstOrDefault();
        Postcode? postcode = null;
        if (address.ValueKind == JsonValueKind.Object && Text(address, "postal_code") is { } postal && !Postcode.TryParse(postal, out postcode, out var postcodeProblem))
        {
            Warn("postal_code", postal, postcodeProblem);
        }

        var (summary, description) = Split(Text(service, "description") ?? name);
        var terms = Array(service, "attributes").Select(a => a.TryGetProperty("taxonomy_term", out var t) ? (Term: t, Id: Text(a, "taxonomy_term_id")) : (Term: a, Id: Text(a, "taxonomy_term_id")))
            .Concat(Array(service, "service_taxonomys").Select(t => (Term: t.TryGetProperty("taxonomy", out var tx) ? tx : t, Id: (string?)null)))
            .ToList();
        var kind = KindOf(service, terms);
        var slugs = new List<string>();
        foreach (var (term, termId) in terms)
        {
            var keys = new[] { termId ?? Text(term, "id"), Text(term, "term"), Text(term, "name") }.OfType<string>().ToList();
            if (Text(term, "taxonomy") == "AssetMap kinds" || keys.Any(k => mapping.Kinds.ContainsKey(k)))
            {
                continue;
            }

            var slug = keys.Select(k => mapping.Categories.FirstOrDefault(m => string.Equals(m.Key, k, StringComparison.OrdinalIgnoreCase)).Value).FirstOrDefault(v => v is not null)
                ?? keys.Select(k => categoryNames.FirstOrDefault(c => string.Equals(c.Key, k, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Value, k, StringComparison.OrdinalIgnoreCase)).Key).FirstOrDefault(v => v is not null);
            if (slug is null)
            {
                Warn("attributes", keys.LastOrDefault(), "Unmapped taxonomy term: add it to the --mapping file's categories to keep it.");
            }
            else
            {
                slugs.Add(slug);
            }
        }

        Contact contact;
        var phone = Array(service, "contacts").SelectMany(c => Array(c, "phones")).Select(p => Text(p, "number")).FirstOrDefault(p => p is not null);
        try
        {
            contact = new Contact(phone, Text(service, "email"), Text(service, "url"));
        }
        catch (DomainRuleException e)
        {
            Warn(e.Field, phone, e.Message + " It was left out.");
            contact = Try(() => new Contact(null, Text(service, "email"), Text(service, "url"))) ?? Contact.None;
        }

        var profile = new AssetProfile(
            name, summary, description,
            new Address(address.ValueKind == JsonValueKind.Object ? Text(address, "address_1") : null,
                (address.ValueKind == JsonValueKind.Object ? Text(address, "city") : null) ?? "", postcode),
            Geo.Point(lon, lat), contact,
            Array(location, "accessibility").Any(a => Text(a, "description") == "Wheelchair accessible"),
            Array(location, "accessibility").Select(a => Text(a, "details")).FirstOrDefault(d => d is not null),
            AssetStatus.Published,
            Text(service, "assured_date") is { } assured && DateOnly.TryParse(assured, CultureInfo.InvariantCulture, out var date)
                ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            new AssetSource(id, source, null, position));

        var cost = Array(service, "cost_options").FirstOrDefault();
        Money? price = cost.ValueKind == JsonValueKind.Object && Number(cost, "amount") is { } amount && amount >= 0
            ? new Money((long)Math.Round(amount * 100)) : null;
        var schedules = Array(service, "schedules").Concat(Array(service, "regular_schedules")).ToList();
        try
        {
            return kind switch
            {
                AssetKind.Hub => new OrukEntry(id, kind, profile, slugs, Text(location, "id"), OpeningHoursOf(schedules), null, null),
                AssetKind.MicroEnterprise => new OrukEntry(id, kind, profile, slugs, Text(location, "id"), null, new MicroEnterpriseDetails(
                    [], price, cost.ValueKind == JsonValueKind.Object ? Text(cost, "amount_description") : null, false, null, null, null,
                    Array(service, "service_areas").Select(a => Text(a, "extent")).Select(e => int.TryParse(e, CultureInfo.InvariantCulture, out var r) ? r : (int?)null).FirstOrDefault(r => r is not null),
                    null,
                    // No published address: the business works from home and has not opted in to showing it.
                    HomeBased: postcode is null || address.ValueKind != JsonValueKind.Object, ShowsHomeLocation: false), null),
                _ => new OrukEntry(id, kind, profile, slugs, Text(location, "id"), null, null, new ActivityDetails(
                    (service.TryGetProperty("organization", out var organization) ? Text(organization, "name") : null) ?? name,
                    null, ScheduleOf(schedules) ?? throw new DomainRuleException("schedules", "An activity needs a schedule with a start time and an end time."),
                    price, null, ReferralRoute.Either, null)),
            };
        }
        catch (DomainRuleException e)
        {
            Error(e.Field, null, e.Message);
            return null;
        }
    }

    private AssetKind KindOf(JsonElement service, List<(JsonElement Term, string? Id)> terms)
    {
        foreach (var (term, _) in terms)
        {
            var code = Text(term, "term");
            if (Text(term, "taxonomy") == "AssetMap kinds" && Parse(code) is { } ours)
            {
                return ours;
            }

            var mapped = new[] { Text(term, "id"), code, Text(term, "name") }.OfType<string>()
                .Select(k => mapping.Kinds.FirstOrDefault(m => string.Equals(m.Key, k, StringComparison.OrdinalIgnoreCase)).Value)
                .FirstOrDefault(v => v is not null);
            if (Parse(mapped) is { } kind)
            {
                return kind;
            }
        }

        return Parse(mapping.DefaultKind)
            ?? (Array(service, "schedules").Concat(Array(service, "regular_schedules")).Any(s => Text(s, "dtstart") is not null)
                ? AssetKind.Activity : AssetKind.Hub);
    }

    private static AssetKind? Parse(string? kind) => kind?.ToLowerInvariant() switch
    {
        "hub" or "community-hub" => AssetKind.Hub,
        "micro-enterprise" or "microenterprise" => AssetKind.MicroEnterprise,
        "activity" => AssetKind.Activity,
        _ => null,
    };

    private static Schedule? ScheduleOf(List<JsonElement> schedules)
    {
        foreach (var s in schedules)
        {
            if (Time(s, "opens_at") is not { } opens || Time(s, "closes_at") is not { } closes || closes <= opens)
            {
                continue;
            }

            var rule = Text(s, "notes") is { } notes && notes.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)
                ? notes[6..]
                : string.Join(';', new[]
                {
                    $"FREQ={Text(s, "freq") ?? "WEEKLY"}",
                    Number(s, "interval") is { } interval and > 1 ? string.Create(CultureInfo.InvariantCulture, $"INTERVAL={(int)interval}") : null,
                    Text(s, "byday") is { } byday ? $"BYDAY={byday}" : null,
                    Text(s, "bymonthday") is { } bymonthday ? $"BYMONTHDAY={bymonthday}" : null,
                }.OfType<string>());
            var start = (Text(s, "dtstart") ?? Text(s, "valid_from")) is { } first && DateOnly.TryParse(first[..Math.Min(10, first.Length)], CultureInfo.InvariantCulture, out var day)
                ? day : DateOnly.FromDateTime(DateTime.Today);
            return Schedule.Create(start.ToDateTime(opens), closes - opens, rule);
        }

        return null;
    }

    private static OpeningHours? OpeningHoursOf(List<JsonElement> schedules)
    {
        var rules = schedules
            .Where(s => (Text(s, "freq") ?? "WEEKLY") == "WEEKLY" && Text(s, "byday") is not null && Time(s, "opens_at") is not null && Time(s, "closes_at") is not null)
            .Select(s => $"{string.Join(',', Text(s, "byday")!.Split(',').Select(d => System.Array.IndexOf(DayCodes, d.Trim().ToUpperInvariant())).Where(i => i >= 0).Select(i => OsmDays[i]))} {Text(s, "opens_at")![..5]}-{Text(s, "closes_at")![..5]}")
            .ToList();
        return rules.Count == 0 ? null : OpeningHours.Parse(string.Join("; ", rules));
    }

    // We publish "summary\n\ndescription"; other feeds' first sentence serves as the summary.
    private static (string Summary, string? Description) Split(string text)
    {
        var parts = text.Split("\n\n", 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2)
        {
            return (parts[0], parts[1]);
        }

        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        return stop > 0 && stop < 200 ? (text[..(stop + 1)], text) : (text.Length <= 200 ? text : text[..197] + "…", text.Length <= 200 ? null : text);
    }

    private static T? Try<T>(Func<T> make) where T : class
    {
        try
        {
            return make();
        }
        catch (DomainRuleException)
        {
            return null;
        }
    }

    private static JsonElement[] Array(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s.Trim() : null;

    private static double? Number(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble()
            : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) ? parsed : null
            : null;

    private static TimeOnly? Time(JsonElement e, string property) =>
        Text(e, property) is { } text && TimeOnly.TryParse(text.Length >= 5 ? text[..5] : text, CultureInfo.InvariantCulture, out var time) ? time : null;
}
