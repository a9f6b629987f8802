using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.Postcodes;
using AssetMap.Api.GraphQL.Types;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.GraphQL;

internal class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Published community assets near a person or in a PCN area. Time-bank members are private and never here.";

        SearchArguments.AddSearch(Connection<AssetType, EdgeType<AssetType>, AssetConnectionType>("assets")
                .Description("Search across kinds: nearest first when near or postcode is given, else by relevance for text, else by name."),
                includeKinds: true, includePcn: true)
            .ResolveAsync(async ctx => await AssetConnections.ResolveAsync(ctx, null, null));
        SearchArguments.AddSearch(Connection<HubType, EdgeType<HubType>, HubConnectionType>("hubs").Description("Search community hubs."), includeKinds: false, includePcn: true)
            .ResolveAsync(async ctx => await AssetConnections.ResolveAsync(ctx, AssetKind.Hub, null));
        SearchArguments.AddSearch(Connection<MicroEnterpriseType, EdgeType<MicroEnterpriseType>, MicroEnterpriseConnectionType>("microEnterprises").Description("Search micro-enterprises."), includeKinds: false, includePcn: true)
            .ResolveAsync(async ctx => await AssetConnections.ResolveAsync(ctx, AssetKind.MicroEnterprise, null));
        SearchArguments.AddSearch(Connection<SocialPrescribingActivityType, EdgeType<SocialPrescribingActivityType>, SocialPrescribingActivityConnectionType>("activities").Description("Search social-prescribing activities."), includeKinds: false, includePcn: true)
            .ResolveAsync(async ctx => await AssetConnections.ResolveAsync(ctx, AssetKind.Activity, null));

        Field<AssetType>("asset")
            .Description("One published asset by global id, UUID or slug; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id, a UUID or a slug.")
            .ResolveAsync(async ctx => await FindAssetAsync(ctx, ctx.GetArgument<string>("id")));
        Field<NodeInterface>("node")
            .Description("Any object by its global id (Relay).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id.")
            .ResolveAsync(async ctx => await FindNodeAsync(ctx, ctx.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PcnAreaType>>>>("pcnAreas")
            .Description("Every PCN area, by name.")
            .ResolveAsync(async ctx => await Db(ctx).PcnAreas.OrderBy(a => a.Name).ToViews().ToListAsync(ctx.CancellationToken));
        Field<PcnAreaType>("pcnArea")
            .Description("One PCN area by code (e.g. U81042); null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The ODS code.")
            .ResolveAsync(async ctx => await FindPcnAreaAsync(Db(ctx), ctx.GetArgument<string>("code"), ctx.CancellationToken));
        Field<PostcodeType>("postcode")
            .Description("A postcode's point and PCN area; null when the directory does not hold it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Any case or spacing, e.g. rm16 2jt.")
            .ResolveAsync(async ctx => await FindPostcodeAsync(ctx.RequestServices!.GetRequiredService<PostcodeLookup>(), ctx.GetArgument<string>("code"), ctx.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryNodeType>>>>("categories")
            .Description("The category tree, with counts of published assets.")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<CategoryTree>().GetAsync(ctx.CancellationToken));
    }

    private static AssetMapDbContext Db(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<AssetMapDbContext>();

    // A global id, a UUID or a slug; anything else names no asset.
    private static async Task<AssetHit?> FindAssetAsync(IResolveFieldContext ctx, string id)
    {
        var key = GlobalId.Decode(id) is { } global && global.Type is "Hub" or "MicroEnterprise" or "SocialPrescribingActivity" ? global.Key : id;
        if (!AssetKey.TryParse(key, out var assetKey))
        {
            return null;
        }

        var view = await ctx.RequestServices!.GetRequiredService<AssetReader>().FindAsync(assetKey, null, ctx.CancellationToken);
        return view is null ? null : new AssetHit(view, null);
    }

    private static async Task<object?> FindNodeAsync(IResolveFieldContext ctx, string id) =>
        GlobalId.Decode(id) switch
        {
            ("PcnArea", var code) => await FindPcnAreaAsync(Db(ctx), code, ctx.CancellationToken),
            ("Hub" or "MicroEnterprise" or "SocialPrescribingActivity", _) => await FindAssetAsync(ctx, id),
            _ => throw new ExecutionError("id is not a global id this API gave out.") { Code = "BAD_USER_INPUT" },
        };

    private static Task<PcnAreaView?> FindPcnAreaAsync(AssetMapDbContext db, string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return db.PcnAreas.Where(a => a.Code == normalised).ToViews().SingleOrDefaultAsync(ct);
    }

    // Malformed is BAD_USER_INPUT; a postcode the directory lacks is simply null.
    private static async Task<PostcodeNode?> FindPostcodeAsync(PostcodeLookup postcodes, string code, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var found = await postcodes.FindAsync(code, "code", errors, ct);
        return found is not null ? new PostcodeNode(found.Postcode.Value, found.Location)
            : errors.Status == StatusCodes.Status404NotFound ? null
            : throw AssetConnections.BadUserInput(errors);
    }
}

internal sealed class AssetMapSchema : Schema
{
    public AssetMapSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
        Description = "AssetMap: what is strong in a place — community hubs, micro-enterprises and social-prescribing activities.";

        // Implementations are reached only through interfaces, so register them explicitly.
        RegisterTypes(typeof(HubType), typeof(MicroEnterpriseType), typeof(SocialPrescribingActivityType), typeof(PcnAreaType));
    }
}
