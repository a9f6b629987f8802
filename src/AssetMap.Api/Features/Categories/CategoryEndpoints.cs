using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AssetMap.Api.Features.Categories;

/// <summary>A category and how many published assets it holds.</summary>
/// <param name="Slug">URL key, used by the <c>category</c> search parameter.</param>
/// <param name="Name">Display name.</param>
/// <param name="AssetCount">Published assets in it (for a parent: in it or any child, each counted once).</param>
/// <param name="Children">Subcategories.</param>
public sealed record CategoryNode(string Slug, string Name, int AssetCount, IReadOnlyList<CategoryNode> Children);

internal static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/categories", ListCategories)
            .WithTags("Categories")
            .RequireCors(CorsSetup.PublicReads)
            .WithName(nameof(ListCategories))
            .WithSummary("The category tree with counts of published assets")
            .CacheOutput(OutputCaching.Directory);
        return routes;
    }

    /// <summary>The category tree.</summary>
    /// <param name="tree">The taxonomy reader.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<Ok<List<CategoryNode>>> ListCategories(CategoryTree tree, CancellationToken ct) =>
        TypedResults.Ok(await tree.GetAsync(ct));
}
