using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Assets;

internal static class AssetEndpoints
{
    public static IEndpointRouteBuilder MapAssetEndpoints(this IEndpointRouteBuilder routes)
    {
        var assets = routes.MapGroup("/api/v1/assets").WithTags("Assets");
        assets.MapGet("/{id}", GetAsset)
            .WithName(nameof(GetAsset))
            .WithSummary("Read one published asset")
            .WithDescription("A hub, micro-enterprise or social-prescribing activity with the fields of its kind. Drafts, archived records and time-bank members are never returned.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Read one published asset.</summary>
    /// <param name="id">The asset's id (a UUID).</param>
    /// <param name="db">The database.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<AssetDetailResponse>, ValidationProblem, ProblemHttpResult>> GetAsset(
        string id, AssetMapDbContext db, CancellationToken ct)
    {
        // The id is bound as text so a malformed one is a 400 naming the parameter, not a route miss.
        if (!Guid.TryParse(id, out var assetId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["id"] = [$"'{id}' is not an asset id (a UUID such as 0192f0c1-…)."] },
                title: "The asset id is malformed");
        }

        var asset = await db.Assets.AsNoTracking()
            .Include(a => a.Categories)
            .SingleOrDefaultAsync(a => a.Id == assetId && a.Status == AssetStatus.Published, ct);
        return asset is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"No published asset has id {assetId}.")
            : TypedResults.Ok(asset.ToDetail());
    }
}
