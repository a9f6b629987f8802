using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
    /// <param name="db">The database.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<Ok<List<CategoryNode>>> ListCategories(AssetMapDbContext db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var tagged = db.Assets.Where(a => a.Status == AssetStatus.Published)
            .SelectMany(a => a.Categories.Select(c => new { AssetId = a.Id, CategoryId = c.Id, TopId = c.ParentId ?? c.Id }));
        var own = await tagged.GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var families = await tagged.GroupBy(t => t.TopId)
            .Select(g => new { g.Key, Count = g.Select(t => t.AssetId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        return TypedResults.Ok(categories.Where(c => c.ParentId is null).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(parent => new CategoryNode(
                parent.Slug,
                parent.Name,
                families.GetValueOrDefault(parent.Id),
                [.. categories.Where(c => c.ParentId == parent.Id).OrderBy(c => c.Name, StringComparer.Ordinal)
                    .Select(child => new CategoryNode(child.Slug, child.Name, own.GetValueOrDefault(child.Id), []))]))
            .ToList());
    }
}
