using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.Taxonomy;
using NetTopologySuite.Geometries;

namespace AssetMap.Import.Seeding;

/// <summary>Turns the sample asset CSVs (the same column shape a CVS spreadsheet has) into domain objects.</summary>
internal sealed class SampleAssets(
    IReadOnlyDictionary<string, PostcodeLocation> postcodes, IReadOnlyDictionary<string, Category> categories)
{
    private readonly HashSet<string> _slugs = [];

    public List<CommunityHub> ReadHubs(string path) =>
        [.. SampleCsv.Read(path).Select(row => Build(row, profile => CommunityHub.Create(
            profile,
            Categories(row),
            row.Optional("Opening hours") is null ? null : row.Parse("Opening hours", OpeningHours.Parse),
            row.List("Facilities"))))];

    public List<MicroEnterprise> ReadMicroEnterprises(string path) =>
        [.. SampleCsv.Read(path).Select(row => Build(row, profile => MicroEnterprise.Create(
            profile,
            Categories(row),
            new MicroEnterpriseDetails(
                row.List("Services"),
                row.Optional("Price") is null ? null : row.Parse("Price", Money.Parse),
                row.Optional("Price unit"),
                row.YesNo("Direct payments"),
                row.Date("Insurance expiry"),
                row.Date("DBS checked"),
                row.Optional("CQC registration"),
                row.Number("Service radius (km)") is { } km ? (int)Math.Round(km * 1000) : null,
                ServiceArea: null,
                row.YesNo("Home based"),
                row.YesNo("Show home location")))))];

    public List<SocialPrescribingActivity> ReadActivities(string path, IReadOnlyDictionary<string, CommunityHub> hubsByRef) =>
        [.. SampleCsv.Read(path).Select(row => Build(row, profile => SocialPrescribingActivity.Create(
            profile,
            Categories(row),
            new ActivityDetails(
                row.Required("Provider"),
                VenueId(row, hubsByRef),
                Schedule(row),
                row.Optional("Cost") is null ? null : row.Parse("Cost", Money.Parse),
                row.Optional("Eligibility"),
                row.Parse("Referral", Referral),
                row.Number("Capacity") is { } places ? (int)places : null))))];

    private T Build<T>(SampleRow row, Func<AssetProfile, T> create)
        where T : Asset
    {
        T asset;
        try
        {
            asset = create(Profile(row));
        }
        catch (DomainRuleException e)
        {
            throw row.Error(e.Field, e.Message);
        }

        // Names repeat across towns ("Lunch club"): fall back to name + town, then a counter.
        var slug = asset.Slug;
        for (var n = 2; !_slugs.Add(slug); n++)
        {
            slug = Slug.From(n == 2 ? $"{asset.Name} {asset.Address.Town}" : $"{asset.Name} {asset.Address.Town} {n}");
        }

        asset.Reslug(slug);
        return asset;
    }

    private AssetProfile Profile(SampleRow row)
    {
        var postcode = row.Optional("Postcode") is null ? null : row.Parse("Postcode", Postcode.Parse);
        return new AssetProfile(
            row.Required("Name", "Organisation name"),
            row.Required("Summary"),
            row.Optional("Description"),
            new Address(row.Optional("Address"), row.Required("Town"), postcode),
            Location(row, postcode),
            new Contact(row.Optional("Phone", "Tel"), row.Optional("Email", "E-mail"), row.Optional("Website", "Web site")),
            row.YesNo("Wheelchair accessible"),
            row.Optional("Accessibility notes"),
            row.Parse("Status", s => Enum.Parse<AssetStatus>(s, ignoreCase: true)),
            row.Date("Last verified") is { } verified ? new DateTimeOffset(verified.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            new AssetSource(row.Optional("Ref"), row.File, null, row.Row));
    }

    // Latitude/longitude when given, else the postcode's point; a row with neither is unusable.
    private Point Location(SampleRow row, Postcode? postcode)
    {
        if (row.Number("Latitude") is { } lat && row.Number("Longitude") is { } lon)
        {
            return Geo.Point(lon, lat);
        }

        if (postcode is not null && postcodes.TryGetValue(postcode.Value, out var known))
        {
            return known.Location;
        }

        throw row.Error("Postcode", "no latitude/longitude and the postcode is not in postcodes.csv");
    }

    private List<Category> Categories(SampleRow row) =>
        [.. row.List("Categories").Select(name => categories.TryGetValue(name, out var category)
            ? category
            : throw row.Error("Categories", $"'{name}' is not a category in categories.csv"))];

    private static Guid? VenueId(SampleRow row, IReadOnlyDictionary<string, CommunityHub> hubsByRef) =>
        row.Optional("Venue ref") is not { } venueRef ? null
        : hubsByRef.TryGetValue(venueRef, out var hub) ? hub.Id
        : throw row.Error("Venue ref", $"'{venueRef}' is not a hub Ref in hubs.csv");

    private static Schedule Schedule(SampleRow row)
    {
        var first = row.Date("First session") ?? throw row.Error("First session", "a value is required");
        var start = row.Parse("Start time", TimeOnly.Parse);
        var end = row.Parse("End time", TimeOnly.Parse);
        return row.Parse("Recurrence", rule => Domain.Assets.Schedule.Create(first.ToDateTime(start), end - start, rule));
    }

    private static ReferralRoute Referral(string text) => text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "SELFREFERRAL" or "SELF" => ReferralRoute.SelfReferral,
        "LINKWORKER" => ReferralRoute.LinkWorker,
        "EITHER" => ReferralRoute.Either,
        _ => throw new DomainRuleException("referral", $"'{text}' is not Self-referral, Link worker or Either."),
    };
}
