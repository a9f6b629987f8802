using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Mvc;

namespace AssetMap.Api.Features.Assets;

internal static class AssetEndpoints
{
    private const string GeoJsonNote =
        " Answers application/geo+json (an RFC 7946 FeatureCollection) when asked with Accept: application/geo+json or a .geojson suffix.";

    public static IEndpointRouteBuilder MapAssetEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireCors(CorsSetup.PublicReads);

        var assets = api.MapGroup("/assets").WithTags("Assets");
        assets.MapGet("/", SearchAssets)
            .WithName(nameof(SearchAssets))
            .WithSummary("Search published assets near a person, in a PCN area, by need")
            .WithDescription("One search across hubs, micro-enterprises and activities. Nearest first when a postcode or lat/lon is given (each result carries distanceMetres), else by relevance for q, else by name." + GeoJsonNote)
            .Produces<AssetPageResponse>()
            .Produces<GeoJsonFeatureCollection<AssetSummaryResponse>>(StatusCodes.Status200OK, GeoJsonNegotiation.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        assets.MapGet("/{idOrSlug}", GetAsset)
            .WithName(nameof(GetAsset))
            .WithSummary("Read one published asset")
            .WithDescription("By id or slug, with the fields of its kind; an activity lists its next five sessions. Carries an ETag: send If-None-Match for a 304. Drafts, archived records and time-bank members are never returned.")
            .Produces<AssetDetailResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapKind(api, "/hubs", AssetKind.Hub, "Hubs", "community hubs");
        MapKind(api, "/micro-enterprises", AssetKind.MicroEnterprise, "MicroEnterprises", "micro-enterprises");
        MapKind(api, "/activities", AssetKind.Activity, "Activities", "social-prescribing activities");
        return routes;
    }

    /// <summary>Search published assets.</summary>
    /// <param name="parameters">Where, what, when and paging.</param>
    /// <param name="kind">hub, micro-enterprise or activity; repeatable.</param>
    /// <param name="http">The request.</param>
    /// <param name="listing">The list runner.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static Task<IResult> SearchAssets(
        [AsParameters] AssetSearchParameters parameters, [FromQuery(Name = "kind")] string[]? kind,
        HttpContext http, AssetListing listing, CancellationToken ct) =>
        listing.ListAsync(http, parameters, kind, null, ct);

    /// <summary>Read one published asset.</summary>
    /// <param name="idOrSlug">The asset's id (a UUID) or slug (e.g. <c>aveley-village-hub</c>).</param>
    /// <param name="http">The request.</param>
    /// <param name="details">The detail reader.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static Task<IResult> GetAsset(string idOrSlug, HttpContext http, AssetDetails details, CancellationToken ct) =>
        details.GetAsync(http, idOrSlug, null, ct);

    private static void MapKind(RouteGroupBuilder api, string path, AssetKind kind, string name, string plural)
    {
        var group = api.MapGroup(path).WithTags(name);
        string[] kinds = [kind.ToString()];
        group.MapGet("/", ([AsParameters] AssetSearchParameters parameters, HttpContext http, AssetListing listing, CancellationToken ct) =>
                listing.ListAsync(http, parameters, kinds, null, ct))
            .WithName($"Search{name}")
            .WithSummary($"Search published {plural}")
            .WithDescription($"The same filters and order as /api/v1/assets, {plural} only." + GeoJsonNote)
            .Produces<AssetPageResponse>()
            .Produces<GeoJsonFeatureCollection<AssetSummaryResponse>>(StatusCodes.Status200OK, GeoJsonNegotiation.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{idOrSlug}", (string idOrSlug, HttpContext http, AssetDetails details, CancellationToken ct) =>
                details.GetAsync(http, idOrSlug, kind, ct))
            .WithName($"Get{name}")
            .WithSummary($"Read one of the published {plural}")
            .WithDescription("By id or slug; carries an ETag like /api/v1/assets/{idOrSlug}.")
            .Produces<AssetDetailResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
