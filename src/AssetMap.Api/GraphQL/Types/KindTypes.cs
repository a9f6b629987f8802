using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.GraphQL.Loaders;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using GraphQL;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL.Types;

internal sealed class HubType : ObjectGraphType<AssetHit>
{
    public HubType()
    {
        Name = "Hub";
        Description = "A venue run with or by the community: opening times, facilities, what's on.";
        Interface<AssetType>();
        Interface<NodeInterface>();
        IsTypeOf = o => o is AssetHit { View.Kind: AssetKind.Hub };
        AssetFields.Add(this);
        Field<StringGraphType>("openingHours").Description("Weekly opening hours, e.g. Mo-Fr 09:00-17:00; Sa 10:00-13:00.")
            .Resolve(ctx => Hub(ctx).OpeningHours?.ToString());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("facilities").Description("Facilities such as Café or Hearing loop.")
            .Resolve(ctx => Hub(ctx).Facilities);
    }

    private static HubView Hub(IResolveFieldContext<AssetHit> ctx) => ctx.Source.View.Hub!;
}

internal sealed class MicroEnterpriseType : ObjectGraphType<AssetHit>
{
    public MicroEnterpriseType()
    {
        Name = "MicroEnterprise";
        Description = "A very small local business offering care or support, with what a practitioner checks.";
        Interface<AssetType>();
        Interface<NodeInterface>();
        IsTypeOf = o => o is AssetHit { View.Kind: AssetKind.MicroEnterprise };
        AssetFields.Add(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("services").Description("Services offered.").Resolve(ctx => Me(ctx).Services);
        Field<IntGraphType>("pricePence").Description("Typical price in pence (0 = free).").Resolve(ctx => (int?)Me(ctx).Price?.Pence);
        Field<StringGraphType>("price").Description("Typical price as text, e.g. £12.50 or Free.").Resolve(ctx => Me(ctx).Price?.ToString());
        Field<StringGraphType>("priceUnit").Description("What the price buys, e.g. per hour.").Resolve(ctx => Me(ctx).PriceUnit);
        Field<NonNullGraphType<BooleanGraphType>>("acceptsDirectPayments").Description("Takes direct payments / personal budgets.").Resolve(ctx => Me(ctx).AcceptsDirectPayments);
        Field<DateOnlyGraphType>("insuranceExpiresOn").Description("Public liability insurance expiry.").Resolve(ctx => Me(ctx).InsuranceExpiresOn);
        Field<DateOnlyGraphType>("dbsCheckedOn").Description("Date of the latest DBS check.").Resolve(ctx => Me(ctx).DbsCheckedOn);
        Field<StringGraphType>("cqcRegistration").Description("CQC registration id, where the service is regulated.").Resolve(ctx => Me(ctx).CqcRegistration);
        Field<DateOnlyGraphType>("cqcCheckedOn").Description("When the CQC registration was last confirmed on the CQC register.").Resolve(ctx => Me(ctx).CqcCheckedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence")
            .Description("DBS check, insurance and CQC registration with their dates, each flagged valid, expiring soon, expired or undated.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<EvidenceRules>().Of(Me(ctx)));
        Field<ServiceAreaType>("serviceArea").Description("Where it works.").Resolve(ctx => Me(ctx).ServiceArea(ctx.Source.View.Location));
        Field<NonNullGraphType<BooleanGraphType>>("homeBased").Description("Run from a home address.").Resolve(ctx => Me(ctx).HomeBased);
    }

    private static MicroEnterpriseView Me(IResolveFieldContext<AssetHit> ctx) => ctx.Source.View.MicroEnterprise!;
}

internal sealed class SocialPrescribingActivityType : ObjectGraphType<AssetHit>
{
    public SocialPrescribingActivityType()
    {
        Name = "SocialPrescribingActivity";
        Description = "A non-clinical activity a GP or link worker can refer people to.";
        Interface<AssetType>();
        Interface<NodeInterface>();
        IsTypeOf = o => o is AssetHit { View.Kind: AssetKind.Activity };
        AssetFields.Add(this);
        Field<NonNullGraphType<StringGraphType>>("provider").Description("Who runs it.").Resolve(ctx => Activity(ctx).Provider);
        Field<HubType>("venue").Description("The hub it meets at, if any.").Resolve(Venue);
        Field<NonNullGraphType<ScheduleType>>("schedule").Description("When it meets.").Resolve(ctx => Activity(ctx).Schedule);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateTimeGraphType>>>>("nextSessions")
            .Description("The next session starts from now, Europe/London local time.")
            .Argument<IntGraphType>("count", "How many, 1..20 (default 5).", a => a.DefaultValue = 5)
            .Resolve(ctx =>
            {
                var count = ctx.GetArgument<int>("count");
                if (count is < 1 or > 20)
                {
                    throw new ExecutionError("count must be between 1 and 20.") { Code = "BAD_USER_INPUT" };
                }

                var clock = ctx.RequestServices!.GetRequiredService<TimeProvider>();
                return Activity(ctx).Schedule.NextSessions(UkTime.Now(clock), count);
            });
        Field<IntGraphType>("costPence").Description("Cost per session in pence (0 = free).").Resolve(ctx => (int?)Activity(ctx).Cost?.Pence);
        Field<StringGraphType>("cost").Description("Cost per session as text, e.g. Free or £3.").Resolve(ctx => Activity(ctx).Cost?.ToString());
        Field<StringGraphType>("eligibility").Description("Who can come.").Resolve(ctx => Activity(ctx).Eligibility);
        Field<NonNullGraphType<ReferralRouteType>>("referral").Description("Self-referral, via a link worker, or either.").Resolve(ctx => Activity(ctx).Referral);
        Field<IntGraphType>("capacity").Description("Places per session, when limited.").Resolve(ctx => Activity(ctx).Capacity);
    }

    private static ActivityView Activity(IResolveFieldContext<AssetHit> ctx) => ctx.Source.View.Activity!;

    // The activity's read record already names its venue (id, slug, name): a query asking no more costs nothing; one
    // asking more loads every venue on the page through the read model in one statement.
    private static object? Venue(IResolveFieldContext<AssetHit> ctx)
    {
        if (Activity(ctx).Venue is not { } venue)
        {
            return null;
        }

        if (ctx.SubFields?.Values.All(f => VenueFields.Contains(f.Field.Name.StringValue)) == true)
        {
            return new AssetHit(new AssetView { Id = venue.Id, Slug = venue.Slug, Name = venue.Name, Kind = AssetKind.Hub }, null);
        }

        return ctx.RequestServices!.GetRequiredService<VenueLoader>().Load(venue.Id);
    }

    private static readonly HashSet<string> VenueFields = ["__typename", "id", "uuid", "slug", "name", "kind"];
}
