using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace AssetMap.Api.Features.Assets;

/// <summary>
/// <c>q</c> matching (full text, typo-tolerant name, or a category's name) and, without a place, which matches are
/// ranked. Ranking every match of a common word (<c>q=lunch</c>: 35,000–85,000 of a million) took 3–5 s: relevance is
/// computed per row and no index yields it in order. So only a bounded candidate set is ranked: up to
/// <c>limit</c> matches (the count cap, 1,001, or the end of the requested page), read from the GIN indexes in
/// tiers: words in the name, then names like the text, then anywhere in the text, then the matching categories.
/// With fewer matches than that (nearly every search) the candidates are all the matches, so the order is exactly
/// relevance; with more, it is relevance among the first thousand name matches read, never a description-only match
/// ahead of a name match. Each tier stops reading at the limit, so a common word costs about what a rare one does.
/// Near a point the same tiers, within the radius, give the count and (when they are all the matches) the page.
/// </summary>
internal static class AssetSearchText
{
    private const string English = "english";

    /// <summary>The ids of the categories whose name matches the text (a few dozen rows, no index needed).</summary>
    public static Task<List<Guid>> MatchingCategoriesAsync(AssetMapDbContext db, string words, CancellationToken ct) =>
        db.Categories
            .Where(category => EF.Functions.ToTsVector(English, category.Name).Matches(EF.Functions.PlainToTsQuery(English, words)))
            .Select(category => category.Id).ToListAsync(ct);

    // The whole test in one condition, for a walk of the GiST index in distance order (rows tested one by one, so the
    // OR needs no index of its own).
    public static IQueryable<Asset> Near(IQueryable<Asset> query, string text, string words, List<Guid> categories) =>
        categories.Count == 0
            ? query.Where(a =>
                EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))
                || EF.Functions.TrigramsAreWordSimilar(text, a.Name))
            : query.Where(a =>
                EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))
                || EF.Functions.TrigramsAreWordSimilar(text, a.Name)
                || a.Categories.Any(category => categories.Contains(category.Id)));

    /// <summary>
    /// Up to <paramref name="limit"/> ids of entries in <paramref name="query"/> that match, name matches first. Fewer
    /// than <paramref name="limit"/> means these are every match. Without a place an OR of the parts cannot use any
    /// index (a sequential scan with a trigram comparison per row, 7.7 s at 1M), so each part is read from its own
    /// index, stopping at the limit; most common words are settled by the first.
    /// </summary>
    public static async Task<List<Guid>> CandidatesAsync(
        IQueryable<Asset> query, string text, string words, List<Guid> categories, int limit, CancellationToken ct)
    {
        var nameWords = SearchText.NameQuery(words);
        List<IQueryable<Asset>> tiers =
        [
            query.Where(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.ToTsQuery(English, nameWords))),
            query.Where(a => EF.Functions.TrigramsAreWordSimilar(text, a.Name)),
            query.Where(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))),
        ];
        if (categories.Count > 0)
        {
            tiers.Add(InCategories(query, categories));
        }

        return await ReadTiersAsync(tiers, limit, a => a.Id, id => id, ct);
    }

    /// <summary>
    /// Near a point (already in <paramref name="query"/>): up to <paramref name="limit"/> matches with their distances,
    /// all of them when fewer. The order of the page is by distance, so the tiers go cheapest first: full text, then
    /// the categories, then similar names (the trigram index reads every name sharing the word's trigrams).
    /// </summary>
    public static async Task<List<T>> CandidatesNearAsync<T>(
        IQueryable<Asset> query, string text, string words, List<Guid> categories, int limit,
        System.Linq.Expressions.Expression<Func<Asset, T>> row, Func<T, Guid> idOf, CancellationToken ct)
    {
        List<IQueryable<Asset>> tiers =
        [
            query.Where(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Matches(EF.Functions.PlainToTsQuery(English, words))),
        ];
        if (categories.Count > 0)
        {
            tiers.Add(InCategories(query, categories));
        }

        tiers.Add(query.Where(a => EF.Functions.TrigramsAreWordSimilar(text, a.Name)));
        return await ReadTiersAsync(tiers, limit, row, idOf, ct);
    }

    private static IQueryable<Asset> InCategories(IQueryable<Asset> query, List<Guid> categories) =>
        query.Where(a => a.Categories.Any(category => categories.Contains(category.Id)));

    // Each tier reads only what it adds (not the ids already found) and only as many as are still wanted, so a tier
    // whose matches are mostly found already (names in the category of the same name) stops early.
    private static async Task<List<T>> ReadTiersAsync<T>(
        List<IQueryable<Asset>> tiers, int limit, System.Linq.Expressions.Expression<Func<Asset, T>> row, Func<T, Guid> idOf, CancellationToken ct)
    {
        var found = new List<T>(Math.Min(limit, 1_024));
        var seen = new List<Guid>();
        foreach (var tier in tiers)
        {
            var fresh = seen.Count == 0 ? tier : tier.Where(a => !seen.Contains(a.Id));
            // No ORDER BY on purpose: the bitmap scan of the GIN index stops once enough rows are read.
            var rows = await fresh.Select(row).Take(limit - found.Count).ToListAsync(ct);
            found.AddRange(rows);
            if (found.Count == limit)
            {
                break;
            }

            seen = [.. found.Select(idOf)];
        }

        return found;
    }

    /// <summary>The page of <paramref name="candidates"/> by relevance: rank, fresh before overdue, name, id.</summary>
    public static Task<List<Guid>> RankedPageAsync(
        AssetMapDbContext db, List<Guid> candidates, string text, string words, AssetSearchFreshness fresh, int offset, int size, CancellationToken ct) =>
        db.Assets.AsNoTracking().Where(a => candidates.Contains(a.Id))
            .OrderByDescending(a => EF.Property<NpgsqlTsVector>(a, "SearchVector").Rank(EF.Functions.PlainToTsQuery(English, words))
                + EF.Functions.TrigramsWordSimilarity(text, a.Name))
            .ThenBy(fresh.OverdueLast)
            .ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Skip(offset).Take(size).Select(a => a.Id).ToListAsync(ct);
}
