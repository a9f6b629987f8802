using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace AssetMap.Api.Features.TimeBank.Near;

internal static class MembersNearEndpoints
{
    public static IEndpointRouteBuilder MapMembersNearEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/timebank/near", GetMembersNear)
            .RequireAuthorization(AuthPolicies.Practitioner)
            .WithTags("TimeBank")
            .WithName(nameof(GetMembersNear))
            .WithSummary("Time-bank members near a person who offer a skill (practitioners)")
            .WithDescription("Active members whose skills match, within " + MembersNearMappings.MaxDistance + " of the person's postcode or point. "
                + "Distance is a band (under 1 km, 1–3 km, 3–5 km, over 5 km) measured from the member's ~1 km cell, never exact; "
                + "ordered by band then name. No member id, location or contact details: contact goes through the broker.")
            .Produces<MembersNearResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Time-bank members near a person.</summary>
    /// <param name="postcode">The person's full postcode, any case or spacing (or lat and lon).</param>
    /// <param name="lat">Latitude of the person, -90..90 (with lon).</param>
    /// <param name="lon">Longitude of the person, -180..180 (with lat).</param>
    /// <param name="skill">A category slug, e.g. <c>gardening</c>; a top-level category includes its subcategories. Optional.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Results per page: 1..50, default 20.</param>
    /// <param name="http">The request.</param>
    /// <param name="near">The query service.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> GetMembersNear(
        [FromQuery] string? postcode, [FromQuery] double? lat, [FromQuery] double? lon, [FromQuery] string? skill,
        [FromQuery] int? page, [FromQuery] int? pageSize, HttpContext http, MembersNear near, CancellationToken ct)
    {
        var (result, errors) = await near.FindAsync(
            new MembersNearQuery { Postcode = postcode, Latitude = lat, Longitude = lon, Skill = skill, Page = page, PageSize = pageSize },
            MembersNearFieldNames.Rest,
            ct);
        // Personal data about private people: no shared or browser cache keeps it.
        http.Response.Headers.CacheControl = "no-store";
        return result is null ? errors.ToProblem() : TypedResults.Ok(result.ToResponse());
    }
}
