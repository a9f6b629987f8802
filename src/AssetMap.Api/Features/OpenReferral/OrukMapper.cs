using System.Globalization;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// Shapes ORUK objects from <see cref="AssetView"/>s only, so the feed shows exactly what every other public surface
/// shows (a hidden home: its coarse point, no street line, the outward postcode). Every asset is a service; its
/// provider (an activity's <c>Provider</c>, otherwise the asset itself) an organization; its place a location, shared
/// by the activities a hub hosts.
/// </summary>
internal static class OrukMapper
{
    public const string CategoriesTaxonomyName = "AssetMap categories";
    public const string KindsTaxonomyName = "AssetMap kinds";

    /// <summary>The organization that provides the service, by name.</summary>
    public static string OrganizationName(AssetView view) => view.Activity?.Provider is { Length: > 0 } provider ? provider : view.Name;

    public static OrukService Service(AssetView view, bool withLinks = true)
    {
        var organizationId = OrukIds.Organization(OrganizationName(view));
        var cost = view.MicroEnterprise?.Price ?? view.Activity?.Cost;
        return new OrukService
        {
            Id = view.Id,
            OrganizationId = organizationId,
            Name = view.Name,
            Description = view.Description is null ? view.Summary : $"{view.Summary}\n\n{view.Description}",
            Url = view.Contact.Website,
            Email = view.Contact.Email,
            Fees = cost is { } money ? Fees(money, view.MicroEnterprise?.PriceUnit) : null,
            Accreditations = view.MicroEnterprise?.CqcRegistration is { } cqc ? $"CQC registration {cqc}" : null,
            LastModified = view.UpdatedAt,
            AssuredDate = view.LastVerifiedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Schedules = withLinks ? [.. Schedules(view)] : null,
            ServiceAreas = withLinks && view.MicroEnterprise?.ServiceRadiusMetres is { } radius
                ? [new OrukServiceArea
                {
                    Id = OrukIds.ServiceArea(view.Id),
                    ServiceId = view.Id,
                    Name = string.Create(CultureInfo.InvariantCulture, $"Within {radius / 1000.0:0.#} km of {view.Town}"),
                    Extent = string.Create(CultureInfo.InvariantCulture, $"{radius}"),
                    ExtentType = "radius_metres",
                }]
                : null,
            ServiceAtLocations = withLinks ? [ServiceAtLocation(view, null)] : null,
            Organization = withLinks ? Organization(view) : null,
            CostOptions = withLinks && cost is { } price ? [CostOption(view, price)] : null,
            Contacts = withLinks && view.Contact.Phone is not null ? [Contact(view)] : null,
            Attributes = withLinks ? [.. Attributes(view)] : null,
        };
    }

    /// <summary>The organization as a service embeds it; the description is the asset's own for hubs and businesses.</summary>
    public static OrukOrganization Organization(AssetView view) => view.Kind == AssetKind.Activity
        ? new OrukOrganization
        {
            Id = OrukIds.Organization(OrganizationName(view)),
            Name = OrganizationName(view),
            Description = "Provider of social-prescribing activities listed in AssetMap.",
        }
        : new OrukOrganization
        {
            Id = OrukIds.Organization(view.Name),
            Name = view.Name,
            Description = view.Summary,
            Email = view.Contact.Email,
            Website = view.Contact.Website,
        };

    public static OrukServiceAtLocation ServiceAtLocation(AssetView view, OrukService? service)
    {
        var location = Location(view);
        return new OrukServiceAtLocation
        {
            // Each service is at exactly one location, so the link takes the service's id (and can be found by it).
            Id = view.Id,
            ServiceId = view.Id,
            LocationId = location.Id,
            Location = location,
            Service = service,
        };
    }

    /// <summary>An activity at a hub is at the hub's location; everything else at its own public point.</summary>
    public static OrukLocation Location(AssetView view)
    {
        if (view.Activity?.Venue is { } venue)
        {
            return Place(venue.Id, venue.Name, venue.Location.Y, venue.Location.X, venue.AddressLine, venue.Town, venue.Postcode, view, null);
        }

        var description = view.LocationIsApproximate
            ? "Approximate location (within about 1 km): this business works from a private home, so no street address is published."
            : null;
        return Place(view.Id, view.Name, view.Location.Y, view.Location.X, view.AddressLine, view.Town, view.Postcode, view, description);
    }

    private static OrukLocation Place(
        Guid placeId, string name, double latitude, double longitude, string? line, string town, string? postcode, AssetView view, string? description)
    {
        var locationId = OrukIds.Location(placeId);
        // ORUK addresses need a street line and a full postcode: a hidden home has neither, so it has no address.
        var address = line is not null && postcode is not null
            ? new OrukAddress
            {
                Id = OrukIds.Address(placeId),
                LocationId = locationId,
                Address1 = line,
                City = town,
                StateProvince = view.PcnArea?.Locality is { Length: > 0 } locality ? locality : town,
                PostalCode = postcode,
            }
            : null;
        return new OrukLocation
        {
            Id = locationId,
            Name = name,
            Description = description,
            Latitude = latitude,
            Longitude = longitude,
            Addresses = address is null ? [] : [address],
            Accessibility = view.Activity?.Venue is null && (view.WheelchairAccessible || view.AccessibilityNotes is not null)
                ? [new OrukAccessibility
                {
                    Id = OrukIds.Accessibility(placeId),
                    LocationId = locationId,
                    Description = view.WheelchairAccessible ? "Wheelchair accessible" : null,
                    Details = view.AccessibilityNotes,
                }]
                : null,
        };
    }

    private static IEnumerable<OrukSchedule> Schedules(AssetView view) =>
        view.Activity is { } activity ? [OrukSchedules.FromRule(view.Id, activity.Schedule)]
        : view.Hub?.OpeningHours is { } hours ? OrukSchedules.FromOpeningHours(view.Id, hours)
        : [];

    private static OrukCostOption CostOption(AssetView view, Money price) => new()
    {
        Id = OrukIds.CostOption(view.Id),
        ServiceId = view.Id,
        Option = price.IsFree ? "Free" : null,
        Amount = price.Pence / 100m,
        AmountDescription = view.MicroEnterprise?.PriceUnit ?? (view.Activity is not null ? "per session" : null),
    };

    private static OrukContact Contact(AssetView view) => new()
    {
        Id = OrukIds.Contact(view.Id),
        ServiceId = view.Id,
        Name = view.Name,
        Email = view.Contact.Email,
        Phones = [new OrukPhone { Id = OrukIds.Phone(view.Id), ContactId = OrukIds.Contact(view.Id), Number = view.Contact.Phone! }],
    };

    private static IEnumerable<OrukAttributeEntry> Attributes(AssetView view) =>
        view.Categories.Select(c => Attribute(view.Id, OrukTerms.Term(c.Slug, c.Name, null)))
            .Append(Attribute(view.Id, OrukTerms.KindTerm(view.Kind)));

    private static OrukAttributeEntry Attribute(Guid serviceId, OrukTaxonomyTerm term) => new()
    {
        Id = OrukIds.Of($"attribute/{serviceId}/{term.Id}"),
        LinkId = serviceId,
        TaxonomyTermId = term.Id,
        LinkType = "service",
        TaxonomyTerm = term,
    };

    private static string Fees(Money money, string? unit) => unit is null || money.IsFree ? money.ToString() : $"{money} {unit}";
}
