using AssetMap.Domain.Assets;

namespace AssetMap.Api.GraphQL;

/// <summary>What GraphQL resolves an asset from: the entity, and its distance when the query had a point.</summary>
internal sealed record AssetNode(Asset Asset, double? DistanceMetres);
