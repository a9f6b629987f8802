using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;
using GraphQL;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL.Types;

/// <summary>
/// The fields every asset has, declared once and added to the Asset interface and to each kind's object type (GraphQL
/// makes object types repeat their interfaces' fields). Every value comes from the read record (<see cref="AssetView"/>),
/// where privacy was decided; nothing here loads or re-decides anything.
/// </summary>
internal static class AssetFields
{
    private sealed record Definition(string Name, Type GraphType, string Description, Func<IResolveFieldContext<AssetHit>, object?> Resolve);

    private static readonly Definition[] Fields =
    [
        new("id", typeof(NonNullGraphType<IdGraphType>), "Global id (Relay); pass it to node(id) or asset(id).",
            ctx => GlobalId.Encode(TypeName(ctx.Source.View.Kind), ctx.Source.View.Id.ToString())),
        new("uuid", typeof(NonNullGraphType<StringGraphType>), "The asset's UUID, as the REST API uses it.", ctx => ctx.Source.View.Id.ToString()),
        new("slug", typeof(NonNullGraphType<StringGraphType>), "Readable URL key.", ctx => ctx.Source.View.Slug),
        new("kind", typeof(NonNullGraphType<AssetKindType>), "Which kind of asset.", ctx => ctx.Source.View.Kind),
        new("name", typeof(NonNullGraphType<StringGraphType>), "Display name.", ctx => ctx.Source.View.Name),
        new("summary", typeof(NonNullGraphType<StringGraphType>), "One line.", ctx => ctx.Source.View.Summary),
        new("description", typeof(StringGraphType), "Longer text.", ctx => ctx.Source.View.Description),
        new("categories", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>), "Categories from the managed taxonomy.",
            ctx => ctx.Source.View.Categories),
        new("location", typeof(NonNullGraphType<GeoPointType>), "Where it is; about 1 km from the home for a home-based business that has not opted in.",
            ctx => ctx.Source.View.Location.ToGeoPoint()),
        new("locationIsApproximate", typeof(NonNullGraphType<BooleanGraphType>), "True when location is deliberately coarsened.",
            ctx => ctx.Source.View.LocationIsApproximate),
        new("address", typeof(NonNullGraphType<AddressType>), "Postal address.", ctx => ctx.Source.View.ToAddress()),
        new("postcode", typeof(StringGraphType), "Postcode (outward code only for home-based businesses that have not opted in).",
            ctx => ctx.Source.View.Postcode),
        new("contact", typeof(NonNullGraphType<ContactType>), "Phone, email, website.", ctx => ctx.Source.View.Contact),
        new("wheelchairAccessible", typeof(NonNullGraphType<BooleanGraphType>), "Step-free access, as the CVS records it.",
            ctx => ctx.Source.View.WheelchairAccessible),
        new("accessibility", typeof(StringGraphType), "Notes on access.", ctx => ctx.Source.View.AccessibilityNotes),
        new("lastVerifiedAt", typeof(DateTimeOffsetGraphType), "When the record was last checked.", ctx => ctx.Source.View.LastVerifiedAt),
        new("verification", typeof(NonNullGraphType<VerificationType>), "Fresh, due, overdue or unverified, with when it was last checked and falls due.",
            ctx => ctx.RequestServices!.GetRequiredService<VerificationRules>().Of(ctx.Source.View)),
        new("pcnArea", typeof(PcnAreaType), "The PCN area it is in.", ctx => ctx.Source.View.PcnArea),
        new("distanceMetres", typeof(FloatGraphType), "Great-circle distance from the search point, when the query had one.",
            ctx => ctx.Source.DistanceMetres is { } metres ? Math.Round(metres, 1) : null),
    ];

    /// <summary>Declares the fields on the interface (interfaces have no resolvers).</summary>
    public static void Declare(InterfaceGraphType<AssetHit> type)
    {
        foreach (var field in Fields)
        {
            type.Field(field.Name, field.GraphType).Description(field.Description);
        }
    }

    /// <summary>Adds the fields, with resolvers, to a kind's object type.</summary>
    public static void Add(ObjectGraphType<AssetHit> type)
    {
        foreach (var field in Fields)
        {
            type.Field(field.Name, field.GraphType).Description(field.Description).Resolve(field.Resolve);
        }
    }

    public static string TypeName(AssetKind kind) => kind switch
    {
        AssetKind.Hub => "Hub",
        AssetKind.MicroEnterprise => "MicroEnterprise",
        _ => "SocialPrescribingActivity",
    };
}

/// <summary>The Asset interface (the class name gives the Relay types their names: AssetConnection, AssetEdge).</summary>
internal sealed class AssetType : InterfaceGraphType<AssetHit>
{
    public AssetType()
    {
        Name = "Asset";
        Description = "A published community asset: a hub, a micro-enterprise or a social-prescribing activity.";
        AssetFields.Declare(this);
    }
}

internal sealed class NodeInterface : InterfaceGraphType<object>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id (Relay).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.");
    }
}
