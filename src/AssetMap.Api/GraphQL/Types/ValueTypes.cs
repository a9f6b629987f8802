using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.PcnAreas;
using AssetMap.Domain.Assets;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL.Types;

internal sealed class GeoPointType : ObjectGraphType<GeoPoint>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "A WGS84 point.";
        Field(p => p.Latitude).Description("Degrees north, -90..90.");
        Field(p => p.Longitude).Description("Degrees east, -180..180.");
    }
}

internal sealed class PointInputType : InputObjectGraphType<GeoPoint>
{
    public PointInputType()
    {
        Name = "PointInput";
        Description = "A WGS84 point to search near.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north, -90..90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east, -180..180.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new GeoPoint(Convert.ToDouble(value["latitude"], System.Globalization.CultureInfo.InvariantCulture),
                     Convert.ToDouble(value["longitude"], System.Globalization.CultureInfo.InvariantCulture));
}

internal sealed class CategoryType : ObjectGraphType<CategoryRef>
{
    public CategoryType()
    {
        Name = "Category";
        Description = "A category from the managed taxonomy.";
        Field(c => c.Slug).Description("URL key, used by the categories argument of searches.");
        Field(c => c.Name).Description("Display name.");
    }
}

internal sealed class CategoryNodeType : ObjectGraphType<CategoryNode>
{
    public CategoryNodeType()
    {
        Name = "CategoryNode";
        Description = "A node of the category tree, with how many published assets it holds.";
        Field(c => c.Slug).Description("URL key, used by the categories argument of searches.");
        Field(c => c.Name).Description("Display name.");
        Field(c => c.AssetCount).Description("Published assets in it (for a parent: in it or any child, each counted once).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryNodeType>>>>("children")
            .Description("Subcategories.")
            .Resolve(ctx => ctx.Source.Children);
    }
}

internal sealed class ContactType : ObjectGraphType<Contact>
{
    public ContactType()
    {
        Name = "Contact";
        Description = "How to get in touch.";
        Field(c => c.Phone, nullable: true).Description("UK phone number.");
        Field(c => c.Email, nullable: true).Description("Email address.");
        Field(c => c.Website, nullable: true).Description("Web address.");
    }
}

internal sealed class AddressType : ObjectGraphType<AddressResponse>
{
    public AddressType()
    {
        Name = "Address";
        Description = "Postal address. The street line is withheld, and only the outward postcode shown, for home-based businesses that have not opted in.";
        Field(a => a.Line, nullable: true).Description("Street line.");
        Field(a => a.Town).Description("Town.");
        Field(a => a.Postcode, nullable: true).Description("Postcode (outward code only when the street line is withheld).");
    }
}

internal sealed class ServiceAreaType : ObjectGraphType<ServiceAreaResponse>
{
    public ServiceAreaType()
    {
        Name = "ServiceArea";
        Description = "A circular service area; for home-based businesses the centre is coarsened to about 1 km.";
        Field<NonNullGraphType<GeoPointType>>("centre").Description("Centre of the area.").Resolve(ctx => ctx.Source.Centre);
        Field(s => s.RadiusMetres).Description("Radius in metres.");
    }
}

internal sealed class ScheduleType : ObjectGraphType<Schedule>
{
    public ScheduleType()
    {
        Name = "Schedule";
        Description = "A recurring schedule (RFC 5545 RRULE) in UK local time.";
        Field<NonNullGraphType<DateTimeGraphType>>("firstStart").Description("Start of the first session, Europe/London local time.").Resolve(ctx => ctx.Source.FirstStart);
        Field<NonNullGraphType<IntGraphType>>("durationMinutes").Description("Length of each session.").Resolve(ctx => (int)ctx.Source.Duration.TotalMinutes);
        Field(s => s.Rule).Description("The RRULE, e.g. FREQ=WEEKLY;BYDAY=TU.");
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("Always Europe/London.").Resolve(_ => Schedule.TimeZone);
    }
}

internal sealed class KindCountType : ObjectGraphType<KeyValuePair<string, int>>
{
    public KindCountType()
    {
        Name = "KindCount";
        Description = "How many published assets of one kind.";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("hub, microEnterprise or activity.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Published assets.").Resolve(ctx => ctx.Source.Value);
    }
}

internal sealed class CategoryCountType : ObjectGraphType<CategoryCount>
{
    public CategoryCountType()
    {
        Name = "CategoryCount";
        Description = "How many published assets carry a category.";
        Field(c => c.Slug).Description("Category slug.");
        Field(c => c.Name).Description("Category name.");
        Field(c => c.Count).Description("Published assets.");
    }
}

internal sealed class PcnAreaCountsType : ObjectGraphType<PcnAreaCounts>
{
    public PcnAreaCountsType()
    {
        Name = "PcnAreaCounts";
        Description = "Published assets inside a PCN area.";
        Field(c => c.Total).Description("All published assets.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("byKind").Description("Per kind.").Resolve(ctx => ctx.Source.ByKind.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryCountType>>>>("byCategory").Description("Per category that has any, largest first.").Resolve(ctx => ctx.Source.ByCategory);
    }
}

internal sealed class AssetKindType : EnumerationGraphType<AssetKind>
{
    public AssetKindType()
    {
        Name = "AssetKind";
        Description = "The public kinds of asset. Time-bank members are private people and never assets.";
        Describe(this, new()
        {
            [AssetKind.Hub] = "A venue run with or by the community.",
            [AssetKind.MicroEnterprise] = "A very small local business offering care or support.",
            [AssetKind.Activity] = "A social-prescribing activity people can be referred to.",
        });
    }

    /// <summary>Gives each enum value its description (GraphQL.NET reads none from XML docs).</summary>
    public static void Describe<TEnum>(EnumerationGraphType<TEnum> type, Dictionary<TEnum, string> descriptions)
        where TEnum : struct, Enum
    {
        foreach (var value in type.Values)
        {
            value.Description = descriptions[(TEnum)value.Value!];
        }
    }
}

internal sealed class ReferralRouteType : EnumerationGraphType<ReferralRoute>
{
    public ReferralRouteType()
    {
        Name = "ReferralRoute";
        Description = "How a person gets onto a social-prescribing activity.";
        AssetKindType.Describe(this, new()
        {
            [ReferralRoute.SelfReferral] = "Anyone can sign up or turn up.",
            [ReferralRoute.LinkWorker] = "Only through a link worker or social prescriber.",
            [ReferralRoute.Either] = "Either way.",
        });
    }
}
