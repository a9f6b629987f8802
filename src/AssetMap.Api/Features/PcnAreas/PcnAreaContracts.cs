using AssetMap.Api.Infrastructure;

namespace AssetMap.Api.Features.PcnAreas;

/// <summary>A Primary Care Network area.</summary>
/// <param name="Code">NHS ODS code, e.g. <c>U81042</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Locality">The locality it serves.</param>
/// <param name="Href">Its detail URL.</param>
public sealed record PcnAreaSummary(string Code, string Name, string Locality, string Href);

/// <summary>A PCN area with its boundary and what it holds.</summary>
/// <param name="Code">NHS ODS code.</param>
/// <param name="Name">Display name.</param>
/// <param name="Locality">The locality it serves.</param>
/// <param name="Boundary">The boundary as a GeoJSON MultiPolygon (WGS84).</param>
/// <param name="Counts">Published assets inside, by kind and by category.</param>
/// <param name="AssetsHref">Search restricted to this area.</param>
public sealed record PcnAreaDetail(string Code, string Name, string Locality, GeoJsonGeometry Boundary, PcnAreaCounts Counts, string AssetsHref);

/// <summary>Published assets inside an area.</summary>
/// <param name="Total">All published assets.</param>
/// <param name="ByKind">Per kind: hub, microEnterprise, activity.</param>
/// <param name="ByCategory">Per category that has any, largest first.</param>
public sealed record PcnAreaCounts(int Total, IReadOnlyDictionary<string, int> ByKind, IReadOnlyList<CategoryCount> ByCategory);

/// <summary>How many published assets carry a category.</summary>
/// <param name="Slug">Category slug.</param>
/// <param name="Name">Category name.</param>
/// <param name="Count">Published assets.</param>
public sealed record CategoryCount(string Slug, string Name, int Count);
