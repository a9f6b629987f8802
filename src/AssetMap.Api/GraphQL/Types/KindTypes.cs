using AssetMap.Api.Features.Assets;
using AssetMap.Api.GraphQL.Loaders;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using GraphQL;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL.Types;

internal sealed class HubType : ObjectGraphType<AssetNode>
{
    public HubType()
    {
        Name = "Hub";
        Description = "A venue run with or by the community: opening times, facilities, what's on.";
        Interface<AssetType>();
        Interface<NodeInterface>();
        IsTypeOf = o => o is AssetNode { Asset: CommunityHub };
        AssetFields.Add(this);
        Field<StringGraphType>("openingHours").Description("Weekly opening hours, e.g. Mo-Fr 09:00-17:00; Sa 10:00-13:00.")
            .Resolve(ctx => ((CommunityHub)ctx.Source.Asset).OpeningHours?.ToString());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("facilities").Description("Facilities such as Café or Hearing loop.")
            .Resolve(ctx => ((CommunityHub)ctx.Source.Asset).Facilities);
    }
}

internal sealed class MicroEnterpriseType : ObjectGraphType<AssetNode>
{
    public MicroEnterpriseType()
    {
        Name = "MicroEnterprise";
        Description = "A very small local business offering care or support, with what a practitioner checks.";
        Interface<AssetType>();
        Interface<NodeInterface>();
        IsTypeOf = o => o is AssetNode { Asset: MicroEnterprise };
        AssetFields.Add(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("services").Description("Services offered.").Resolve(ctx => Me(ctx).Services);
        Field<IntGraphType>("pricePence").Description("Typical price in pence (0 = free).").Resolve(ctx => (int?)Me(ctx).Price?.Pence);
        Field<StringGraphType>("price").Description("Typical price as text, e.g. £12.50 or Free.").Resolve(ctx => Me(ctx).Price?.ToString());
        Field<StringGraphType>("priceUnit").Description("What the price buys, e.g. per hour.").Resolve(ctx => Me(ctx).PriceUnit);
        Field<NonNullGraphType<BooleanGraphType>>("acceptsDirectPayments").Description("Takes direct payments / personal budgets.").Resolve(ctx => Me(ctx).AcceptsDirectPayments);
        Field<DateOnlyGraphType>("insuranceExpiresOn").Description("Public liability insurance expiry.").Resolve(ctx => Me(ctx).InsuranceExpiresOn);
        Field<DateOnlyGraphType>("dbsCheckedOn").Description("Date of the latest DBS check.").Resolve(ctx => Me(ctx).DbsCheckedOn);
        Field<StringGraphType>("cqcRegistration").Description("CQC registration id, where the service is regulated.").Resolve(ctx => Me(ctx).CqcRegistration);
        Field<ServiceAreaType>("serviceArea").Description("Where it works.").Resolve(ctx => Me(ctx).ServiceRadiusMetres is { } radius
            ? new ServiceAreaResponse(Me(ctx).PublicLocation.ToGeoPoint(), radius) : null);
        Field<NonNullGraphType<BooleanGraphType>>("homeBased").Description("Run from a home address.").Resolve(ctx => Me(ctx).HomeBased);
    }

    private static MicroEnterprise Me(IResolveFieldContext<AssetNode> ctx) => (MicroEnterprise)ctx.Source.Asset;
}

internal sealed class SocialPrescribingActivityType : ObjectGraphType<AssetNode>
{
    public SocialPrescribingActivityType()
    {
        Name = "SocialPrescribingActivity";
        Description = "A non-clinical activity a GP or link worker can refer people to.";
        Interface<AssetType>();
        Interface<NodeInterface>();
        IsTypeOf = o => o is AssetNode { Asset: SocialPrescribingActivity };
        AssetFields.Add(this);
        Field<NonNullGraphType<StringGraphType>>("provider").Description("Who runs it.").Resolve(ctx => Activity(ctx).Provider);
        Field<HubType>("venue").Description("The hub it meets at, if any.")
            .Resolve(ctx => Activity(ctx).VenueId is { } venue ? ctx.RequestServices!.GetRequiredService<VenueLoader>().Load(venue) : null);
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

    private static SocialPrescribingActivity Activity(IResolveFieldContext<AssetNode> ctx) => (SocialPrescribingActivity)ctx.Source.Asset;
}
