using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.PcnAreas;
using AssetMap.Api.GraphQL.Loaders;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.GraphQL.Types;

internal sealed class PcnAreaType : ObjectGraphType<PcnAreaView>
{
    public PcnAreaType()
    {
        Name = "PcnArea";
        Description = "A Primary Care Network area. Boundaries are imported data (councils merge LSOAs), replaceable at any time.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is PcnAreaView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id (Relay).").Resolve(ctx => GlobalId.Encode("PcnArea", ctx.Source.Code));
        Field(a => a.Code).Description("NHS ODS code, e.g. U81042.");
        Field(a => a.Name).Description("Display name.");
        Field(a => a.Locality).Description("The locality it serves.");
        Field<NonNullGraphType<StringGraphType>>("boundary").Description("The boundary as an RFC 7946 GeoJSON MultiPolygon geometry, as JSON text.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<PcnBoundaryLoader>().Load(ctx.Source.Code));
        Field<NonNullGraphType<PcnAreaCountsType>>("counts").Description("Published assets inside, by kind and category.")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<PcnAreaStatistics>().CountAsync(ctx.Source.Code, ctx.CancellationToken));
        SearchArguments.AddSearch(
            Connection<AssetType, EdgeType<AssetType>, AssetConnectionType>("assets").Description("Search published assets inside this area: the arguments of Query.assets."),
            includeKinds: true, includePcn: false)
            .ResolveAsync(async ctx => await AssetConnections.ResolveAsync(ctx, null, ((PcnAreaView)ctx.Source!).Code));
    }
}

/// <summary>A postcode's point and PCN area.</summary>
/// <param name="Code">The normalised postcode.</param>
/// <param name="Location">Its point.</param>
internal sealed record PostcodeNode(string Code, Point Location);

internal sealed class PostcodeType : ObjectGraphType<PostcodeNode>
{
    public PostcodeType()
    {
        Name = "Postcode";
        Description = "A postcode from the postcode directory.";
        Field(p => p.Code).Description("The normalised postcode, e.g. RM16 2JT.");
        Field<NonNullGraphType<GeoPointType>>("location").Description("Its point.").Resolve(ctx => ctx.Source.Location.ToGeoPoint());
        Field<PcnAreaType>("pcnArea").Description("The PCN area it falls in, if any.")
            .ResolveAsync(async ctx => await PcnAreaEndpoints.AreaContaining(
                ctx.RequestServices!.GetRequiredService<Domain.Persistence.AssetMapDbContext>(), ctx.Source.Location).ToViews().FirstOrDefaultAsync(ctx.CancellationToken));
    }
}
