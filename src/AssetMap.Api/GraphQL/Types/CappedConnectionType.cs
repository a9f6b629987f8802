using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace AssetMap.Api.GraphQL.Types;

/// <summary>A search connection whose <c>totalCount</c> may be a lower bound (counting stops after 1,000 matches).</summary>
/// <typeparam name="TSource">The hit type.</typeparam>
internal sealed class CappedConnection<TSource> : Connection<TSource>, ICappedCount
{
    public bool TotalCountIsLowerBound { get; init; }
}

/// <summary>The Relay connection of a search, plus <c>totalCountIsLowerBound</c>; keeps the name <c>{Node}Connection</c>.</summary>
/// <typeparam name="TNodeType">The node's graph type.</typeparam>
internal abstract class CappedConnectionType<TNodeType> : ConnectionType<TNodeType, EdgeType<TNodeType>>
    where TNodeType : IGraphType
{
    protected CappedConnectionType()
    {
        Field<NonNullGraphType<BooleanGraphType>>("totalCountIsLowerBound")
            .Description("True when more than totalCount entries match: counting stops after 1,000 (or the end of the requested page).")
            .Resolve(ctx => ctx.Source is ICappedCount { TotalCountIsLowerBound: true });
    }
}

/// <summary>Lets the connection type read the flag whatever the hit type.</summary>
internal interface ICappedCount
{
    bool TotalCountIsLowerBound { get; }
}

internal sealed class AssetConnectionType : CappedConnectionType<AssetType>;

internal sealed class HubConnectionType : CappedConnectionType<HubType>;

internal sealed class MicroEnterpriseConnectionType : CappedConnectionType<MicroEnterpriseType>;

internal sealed class SocialPrescribingActivityConnectionType : CappedConnectionType<SocialPrescribingActivityType>;
