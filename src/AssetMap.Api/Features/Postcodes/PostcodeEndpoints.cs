using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.PcnAreas;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Postcodes;

/// <summary>Where a postcode is, and which PCN area it falls in.</summary>
/// <param name="Postcode">The normalised postcode.</param>
/// <param name="Location">Its point (from the postcode directory).</param>
/// <param name="PcnArea">The PCN area it is in, if any.</param>
public sealed record PostcodeResponse(string Postcode, GeoPoint Location, PcnAreaSummary? PcnArea);

internal static class PostcodeEndpoints
{
    public static IEndpointRouteBuilder MapPostcodeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/postcodes/{postcode}", GetPostcode)
            .WithTags("Postcodes")
            .RequireCors(CorsSetup.PublicReads)
            .WithName(nameof(GetPostcode))
            .WithSummary("Look up a postcode: its point and PCN area")
            .Produces<PostcodeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Look up a postcode.</summary>
    /// <param name="postcode">Any case or spacing, e.g. <c>rm17 6sl</c>.</param>
    /// <param name="db">The database.</param>
    /// <param name="postcodes">The postcode directory.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> GetPostcode(string postcode, AssetMapDbContext db, PostcodeLookup postcodes, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var found = await postcodes.FindAsync(postcode, "postcode", errors, ct);
        if (found is null)
        {
            return errors.ToProblem();
        }

        var area = await PcnAreaEndpoints.AreaContaining(db, found.Location).ToViews().FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new PostcodeResponse(
            found.Postcode.Value, found.Location.ToGeoPoint(), area is null ? null : PcnAreaEndpoints.Summary(area)));
    }
}
