using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Assets;

/// <summary>One search result.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Slug">Readable URL key.</param>
/// <param name="Kind">hub, microEnterprise or activity.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">One line.</param>
/// <param name="Categories">Categories.</param>
/// <param name="Location">Where it is (coarsened to ~1 km for home-based businesses that have not opted in).</param>
/// <param name="LocationIsApproximate">True when the location is deliberately coarsened.</param>
/// <param name="DistanceMetres">Great-circle distance from the search point, when the search had one.</param>
/// <param name="PcnAreaCode">The PCN area it is in.</param>
/// <param name="LastVerifiedAt">When the record was last checked.</param>
/// <param name="Venue">For an activity, the published hub it meets at.</param>
/// <param name="Href">The detail URL.</param>
/// <param name="Verification">fresh, due, overdue or unverified (see the detail's verification).</param>
public sealed record AssetSummaryResponse(
    Guid Id,
    string Slug,
    AssetKind Kind,
    string Name,
    string Summary,
    IReadOnlyList<CategoryRef> Categories,
    GeoPoint Location,
    bool LocationIsApproximate,
    double? DistanceMetres,
    string? PcnAreaCode,
    DateTimeOffset? LastVerifiedAt,
    AssetLink? Venue,
    string Href,
    VerificationState Verification);

/// <summary>A page of search results.</summary>
/// <param name="Items">This page's results, nearest first when the search had a point.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Results per page.</param>
/// <param name="TotalCount">
/// Results on all pages: exact up to 1,000 (or to the end of the requested page, if further); when more match,
/// counting stops there and <paramref name="TotalCountIsLowerBound"/> is true ("more than 1,000 results").
/// </param>
/// <param name="TotalCountIsLowerBound">True when more than <paramref name="TotalCount"/> results match.</param>
/// <param name="TotalPages">Number of pages, as far as counted: more follow when the count is a lower bound.</param>
/// <param name="Links">Links to this, the next and the previous page.</param>
public sealed record AssetPageResponse(
    IReadOnlyList<AssetSummaryResponse> Items, int Page, int PageSize, int TotalCount, bool TotalCountIsLowerBound, int TotalPages, PageLinks Links);

/// <summary>Paging links (absolute URLs); next and prev are absent at the ends.</summary>
/// <param name="Self">This page.</param>
/// <param name="Next">The next page.</param>
/// <param name="Prev">The previous page.</param>
public sealed record PageLinks(string Self, string? Next, string? Prev);
