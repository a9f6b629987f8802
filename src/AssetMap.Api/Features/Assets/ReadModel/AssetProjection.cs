using System.Linq.Expressions;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using Mapster;

namespace AssetMap.Api.Features.Assets.ReadModel;

/// <summary>
/// The one projection from the assets table to <see cref="AssetView"/>, translated to SQL by EF Core through Mapster's
/// <c>ProjectToType</c>. The privacy rules live here and nowhere else: whether the home is hidden is the business's
/// own choice (home-based, not opted in), and a hidden home's point, postcode, PCN area and address come only from
/// the public columns. The coarse point and the outward postcode are computed by the domain on write
/// (<see cref="Asset.PublicLocation"/>, <see cref="Asset.PublicPostcode"/>): the point must be indexed for proximity,
/// and SQL cannot call the <c>Postcode</c> value object.
/// </summary>
internal static class AssetProjection
{
    // The business's own choice decides, never a comparison of points (a home can sit exactly on a cell centre).
    private static readonly Expression<Func<Asset, bool>> HidesHome = a =>
        a.Kind == AssetKind.MicroEnterprise && ((MicroEnterprise)a).HomeBased && !((MicroEnterprise)a).ShowsHomeLocation;

    // Declared after HidesHome: static initialisers run in order.
    public static TypeAdapterConfig Config { get; } = Create();

    /// <summary>Projects in SQL: one statement, categories, PCN area and venue joined in, no boundary read.</summary>
    public static IQueryable<AssetView> ToViews(this IQueryable<Asset> assets) => assets.ProjectToType<AssetView>(Config);

    /// <summary>PCN areas without their boundaries.</summary>
    public static IQueryable<PcnAreaView> ToViews(this IQueryable<PcnArea> areas) => areas.ProjectToType<PcnAreaView>(Config);

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };

        // Value objects (Point, Contact, Schedule, Money…) and lists of them pass through as they are.
        config.Default.ShallowCopyForSameType(true);

        config.NewConfig<Asset, AssetView>()
            .Map(v => v.Categories, a => a.Categories.OrderBy(c => c.Name).Select(c => new CategoryRef(c.Slug, c.Name)).ToList())
            .Map(v => v.Location, a => a.PublicLocation)
            .Map(v => v.LocationIsApproximate, HidesHome)
            .Map(v => v.AddressLine, UnlessHomeHidden(a => a.Address.Line))
            .Map(v => v.Town, a => a.Address.Town)
            .Map(v => v.Postcode, a => a.PublicPostcode)
            // Value objects are rebuilt from their columns: projecting a complex property whole makes EF Core read the
            // entire row (private columns included) once a collection or a conditional is in the same projection.
            .Map(v => v.Contact, a => new Contact(a.Contact.Phone, a.Contact.Email, a.Contact.Website))
            .Map(v => v.PcnArea, a => a.PcnArea == null ? null : new PcnAreaView { Code = a.PcnArea.Code, Name = a.PcnArea.Name, Locality = a.PcnArea.Locality })
            .Map(v => v.Hub, a => a.Kind == AssetKind.Hub
                ? new HubView { OpeningHours = ((CommunityHub)a).OpeningHours, Facilities = ((CommunityHub)a).Facilities }
                : null)
            .Map(v => v.MicroEnterprise, a => a.Kind == AssetKind.MicroEnterprise
                ? new MicroEnterpriseView
                {
                    Services = ((MicroEnterprise)a).Services,
                    Price = ((MicroEnterprise)a).Price,
                    PriceUnit = ((MicroEnterprise)a).PriceUnit,
                    AcceptsDirectPayments = ((MicroEnterprise)a).AcceptsDirectPayments,
                    InsuranceExpiresOn = ((MicroEnterprise)a).InsuranceExpiresOn,
                    DbsCheckedOn = ((MicroEnterprise)a).DbsCheckedOn,
                    CqcRegistration = ((MicroEnterprise)a).CqcRegistration,
                    CqcCheckedOn = ((MicroEnterprise)a).CqcCheckedOn,
                    ServiceRadiusMetres = ((MicroEnterprise)a).ServiceRadiusMetres,
                    HomeBased = ((MicroEnterprise)a).HomeBased,
                }
                : null)
            .Map(v => v.Activity, a => a.Kind == AssetKind.Activity
                ? new ActivityView
                {
                    Provider = ((SocialPrescribingActivity)a).Provider,
                    Venue = ((SocialPrescribingActivity)a).Venue != null && ((SocialPrescribingActivity)a).Venue!.Status == AssetStatus.Published
                        ? new VenueView
                        {
                            Id = ((SocialPrescribingActivity)a).Venue!.Id,
                            Slug = ((SocialPrescribingActivity)a).Venue!.Slug,
                            Name = ((SocialPrescribingActivity)a).Venue!.Name,
                            Location = ((SocialPrescribingActivity)a).Venue!.PublicLocation,
                            // Venues are hubs; should one ever be another kind, its street line stays private.
                            AddressLine = ((SocialPrescribingActivity)a).Venue!.Kind == AssetKind.Hub ? ((SocialPrescribingActivity)a).Venue!.Address.Line : null,
                            Town = ((SocialPrescribingActivity)a).Venue!.Address.Town,
                            Postcode = ((SocialPrescribingActivity)a).Venue!.PublicPostcode,
                        }
                        : null,
                    Schedule = Schedule.Create(
                        ((SocialPrescribingActivity)a).Schedule.FirstStart, ((SocialPrescribingActivity)a).Schedule.Duration, ((SocialPrescribingActivity)a).Schedule.Rule),
                    Cost = ((SocialPrescribingActivity)a).Cost,
                    Eligibility = ((SocialPrescribingActivity)a).Eligibility,
                    Referral = ((SocialPrescribingActivity)a).Referral,
                    Capacity = ((SocialPrescribingActivity)a).Capacity,
                }
                : null);
        config.NewConfig<PcnArea, PcnAreaView>();
        config.Compile();
        return config;
    }

    // value, or null when the home is hidden (EF Core inlines the invoked rule into the SQL CASE).
    private static Expression<Func<Asset, string?>> UnlessHomeHidden(Expression<Func<Asset, string?>> value) =>
        Expression.Lambda<Func<Asset, string?>>(
            Expression.Condition(Expression.Invoke(HidesHome, value.Parameters), Expression.Constant(null, typeof(string)), value.Body),
            value.Parameters);
}
