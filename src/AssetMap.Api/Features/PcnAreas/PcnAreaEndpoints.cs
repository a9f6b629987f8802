using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.PcnAreas;

internal static class PcnAreaEndpoints
{
    private const string Path = "/api/v1/pcn-areas/";

    public static IEndpointRouteBuilder MapPcnAreaEndpoints(this IEndpointRouteBuilder routes)
    {
        var areas = routes.MapGroup("/api/v1/pcn-areas").WithTags("PCN areas").RequireCors(CorsSetup.PublicReads);
        areas.MapGet("/", ListPcnAreas)
            .WithName(nameof(ListPcnAreas))
            .WithSummary("List PCN areas")
            .WithDescription("With Accept: application/geo+json (or /api/v1/pcn-areas.geojson), a FeatureCollection of boundaries.")
            .Produces<List<PcnAreaSummary>>()
            .Produces<GeoJsonFeatureCollection<PcnAreaSummary>>(StatusCodes.Status200OK, GeoJsonNegotiation.MediaType)
            .CacheOutput(OutputCaching.Directory);
        areas.MapGet("/lookup", LookUpPcnArea)
            .WithName(nameof(LookUpPcnArea))
            .WithSummary("Which PCN area a person lives in")
            .WithDescription("By postcode, or by lat and lon. 404 when the place is outside every area.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        areas.MapGet("/{code}", GetPcnArea)
            .WithName(nameof(GetPcnArea))
            .WithSummary("Read one PCN area: boundary (GeoJSON) and counts per kind and category")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(OutputCaching.Directory);
        areas.MapGet("/{code}/assets", SearchPcnAreaAssets)
            .WithName(nameof(SearchPcnAreaAssets))
            .WithSummary("Search published assets inside one PCN area")
            .WithDescription("The same filters and order as /api/v1/assets, restricted to the area.")
            .Produces<AssetPageResponse>()
            .Produces<GeoJsonFeatureCollection<AssetSummaryResponse>>(StatusCodes.Status200OK, GeoJsonNegotiation.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>List PCN areas.</summary>
    private static async Task<IResult> ListPcnAreas(HttpContext http, AssetMapDbContext db, CancellationToken ct)
    {
        var areas = db.PcnAreas.AsNoTracking().OrderBy(a => a.Name);
        if (!http.Request.WantsGeoJson())
        {
            // The list needs no boundaries: leave them in the database.
            return TypedResults.Ok((await areas.ToViews().ToListAsync(ct)).Select(Summary).ToList());
        }

        var withBoundaries = await areas.ToListAsync(ct);
        return TypedResults.Json(
            new GeoJsonFeatureCollection<PcnAreaSummary>([.. withBoundaries.Select(a => new GeoJsonFeature<PcnAreaSummary>(
                a.Code, GeoJsonGeometry.From(a.Boundary), new PcnAreaSummary(a.Code, a.Name, a.Locality, Path + a.Code)))]),
            contentType: GeoJsonNegotiation.MediaType);
    }

    /// <summary>Read one PCN area.</summary>
    /// <param name="code">PCN area code, e.g. <c>U81042</c>.</param>
    /// <param name="db">The database.</param>
    /// <param name="statistics">Counts of what the area holds.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<PcnAreaDetail>, ProblemHttpResult>> GetPcnArea(
        string code, AssetMapDbContext db, PcnAreaStatistics statistics, CancellationToken ct)
    {
        var area = await FindAsync(db, code, ct);
        if (area is null)
        {
            return NotFound(code);
        }

        var counts = await statistics.CountAsync(area.Code, ct);
        return TypedResults.Ok(new PcnAreaDetail(area.Code, area.Name, area.Locality, GeoJsonGeometry.From(area.Boundary), counts, Path + area.Code + "/assets"));
    }

    /// <summary>Search published assets inside one PCN area.</summary>
    /// <param name="code">PCN area code.</param>
    /// <param name="parameters">The filters of /api/v1/assets.</param>
    /// <param name="kind">hub, micro-enterprise or activity; repeatable.</param>
    /// <param name="http">The request.</param>
    /// <param name="db">The database.</param>
    /// <param name="listing">The list runner.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> SearchPcnAreaAssets(
        string code, [AsParameters] AssetSearchParameters parameters, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "kind")] string[]? kind,
        HttpContext http, AssetMapDbContext db, AssetListing listing, CancellationToken ct)
    {
        var area = await FindAsync(db, code, ct);
        if (area is null)
        {
            return NotFound(code);
        }

        if (parameters.Pcn is { } other && !other.Trim().Equals(area.Code, StringComparison.OrdinalIgnoreCase))
        {
            var errors = new ParameterErrors();
            errors.Add("pcn", $"The path names PCN area {area.Code}; pcn={other} contradicts it.");
            return errors.ToProblem();
        }

        return await listing.ListAsync(http, parameters with { Pcn = null }, kind, area.Code, ct);
    }

    /// <summary>Which PCN area a person lives in.</summary>
    /// <param name="parameters">postcode, or lat and lon (other search parameters are ignored).</param>
    /// <param name="validator">The search's checks.</param>
    /// <param name="db">The database.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> LookUpPcnArea(
        [AsParameters] AssetSearchParameters parameters, AssetSearchValidator validator, AssetMapDbContext db, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var point = await validator.PointAsync(parameters.ToInput(null), SearchFieldNames.Rest, errors, ct);
        if (point is null && !errors.Any)
        {
            errors.Add("postcode", "Give a postcode, or lat and lon.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var area = await AreaContaining(db, point!).ToViews().FirstOrDefaultAsync(ct);
        return area is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Outside every PCN area",
                detail: "That place is not inside any PCN area this directory covers.")
            : TypedResults.Ok(Summary(area));
    }

    /// <summary>The area whose boundary covers the point (planar ST_Covers on the GiST-indexed geometry).</summary>
    public static IQueryable<PcnArea> AreaContaining(AssetMapDbContext db, Point point) =>
        db.PcnAreas.AsNoTracking().Where(a => a.Boundary.Covers(point)).OrderBy(a => a.Code);

    public static PcnAreaSummary Summary(PcnAreaView area) => new(area.Code, area.Name, area.Locality, Path + area.Code);

    public static Task<PcnArea?> FindAsync(AssetMapDbContext db, string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return db.PcnAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Code == normalised, ct);
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "PCN area not found",
            detail: $"No PCN area has code '{(code.Length > 40 ? code[..40] + "…" : code)}' (see /api/v1/pcn-areas).");
}
