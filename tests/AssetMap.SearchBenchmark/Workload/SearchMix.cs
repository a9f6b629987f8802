using System.Globalization;
using AssetMap.SearchBenchmark.Generation;
using Npgsql;

namespace AssetMap.SearchBenchmark.Workload;

/// <summary>
/// The fixed mix: point and postcode searches at 500 m, 2 km, 5 km and 10 km in a dense place (central London, the
/// densest town) and sparse ones (Okehampton, Keswick: small moorland and fell towns), with and without category, q,
/// openOn (a weekday, and a date: next Tuesday), free and accessible filters; PCN-area searches; no-filter page 1 and page 500; details by id and slug.
/// Every search also goes through GraphQL with the same arguments, except page 500 (GraphQL pages by cursor) and the
/// slug detail (GraphQL's asset(id) takes either, so one detail shape is enough there).
/// </summary>
internal static class SearchMix
{
    private const string Fields =
        "totalCount pageInfo { hasNextPage endCursor } items { id uuid slug kind name summary postcode distanceMetres locationIsApproximate "
        + "location { latitude longitude } categories { slug name } pcnArea { code name } }";

    private const string SearchQuery =
        "query Search($near: PointInput, $postcode: String, $radiusMetres: Int, $categories: [String!], $text: String, $openOn: String, "
        + "$free: Boolean, $accessible: Boolean, $pcnCode: String, $first: Int) { assets(near: $near, postcode: $postcode, "
        + "radiusMetres: $radiusMetres, categories: $categories, text: $text, openOn: $openOn, free: $free, accessible: $accessible, "
        + "pcnCode: $pcnCode, first: $first) { " + Fields + " } }";

    private const string DetailQuery =
        "query Detail($id: ID!) { asset(id: $id) { id uuid slug kind name summary description postcode locationIsApproximate "
        + "location { latitude longitude } categories { slug name } contact { phone email website } pcnArea { code name } lastVerifiedAt } }";

    /// <summary>Builds the mix from the generated places and a few rows of the loaded database.</summary>
    public static async Task<IReadOnlyList<SearchShape>> BuildAsync(string database, int entries, CancellationToken ct)
    {
        var places = BenchDatabase.Places(entries);
        var dense = places.Town("London");
        var sparse = places.Town("Okehampton");
        var densePostcode = places.CentrePostcode("Leeds").Code;
        var sparsePostcode = places.CentrePostcode("Keswick").Code;

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        var lunch = await ScalarAsync(connection, "SELECT slug FROM categories WHERE name = 'Lunch clubs'", ct);
        var befriending = await ScalarAsync(connection, "SELECT slug FROM categories WHERE name = 'Befriending'", ct)
            ?? await ScalarAsync(connection, "SELECT slug FROM categories WHERE parent_id IS NOT NULL ORDER BY name OFFSET 5 LIMIT 1", ct);
        // The PCN area holding the most published entries (a busy city area), and a published entry for the details.
        var pcn = await ScalarAsync(connection,
            "SELECT pcn_area_code FROM assets WHERE status = 'published' AND pcn_area_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1", ct);
        var detailId = await ScalarAsync(connection, "SELECT id::text FROM assets WHERE status = 'published' ORDER BY source_external_ref LIMIT 1 OFFSET 1000", ct);
        var detailSlug = await ScalarAsync(connection, "SELECT slug FROM assets WHERE status = 'published' ORDER BY source_external_ref LIMIT 1 OFFSET 2000", ct);
        if (lunch is null || befriending is null || pcn is null || detailId is null || detailSlug is null)
        {
            throw new InvalidOperationException("The benchmark database lacks the categories, PCN areas or published entries the mix needs.");
        }

        List<SearchShape> shapes = [];
        void Point(string name, Town town, int metres, string filters = "", object? extra = null) =>
            shapes.Add(new SearchShape(name,
                Inv($"/api/v1/assets?lat={town.Latitude}&lon={town.Longitude}&radius={metres}{filters}"),
                SearchShape.Body(SearchQuery, Merge(new { near = new { latitude = town.Latitude, longitude = town.Longitude }, radiusMetres = metres }, extra))));
        void Postcode(string name, string postcode, int metres, string filters = "", object? extra = null) =>
            shapes.Add(new SearchShape(name,
                Inv($"/api/v1/assets?postcode={Uri.EscapeDataString(postcode)}&radius={metres}{filters}"),
                SearchShape.Body(SearchQuery, Merge(new { postcode, radiusMetres = metres }, extra))));

        Point("point 500 m, dense", dense, 500);
        Point("point 2 km, dense", dense, 2_000);
        Point("point 5 km, dense", dense, 5_000);
        Point("point 10 km, dense", dense, 10_000);
        Postcode("postcode 2 km, dense", densePostcode, 2_000);
        Postcode("postcode 10 km, dense", densePostcode, 10_000);
        Point("point 2 km, sparse", sparse, 2_000);
        Point("point 10 km, sparse", sparse, 10_000);
        Postcode("postcode 5 km, sparse", sparsePostcode, 5_000);
        Postcode("postcode 2 km, dense, category", densePostcode, 2_000, $"&category={lunch}", new { categories = new[] { lunch } });
        Point("point 5 km, dense, q=lunch", dense, 5_000, "&q=lunch", new { text = "lunch" });
        Point("point 2 km, dense, openOn=tuesday", dense, 2_000, "&openOn=tuesday", new { openOn = "tuesday" });
        Point("point 10 km, dense, openOn=tuesday", dense, 10_000, "&openOn=tuesday", new { openOn = "tuesday" });
        // A date tests the weeks too (fortnightly and monthly rules): next Tuesday, so the search stays in the future.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tuesday = today.AddDays((((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 6) % 7) + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Point("point 5 km, dense, openOn=date", dense, 5_000, $"&openOn={tuesday}", new { openOn = tuesday });
        Point("point 5 km, dense, free+accessible", dense, 5_000, "&free=true&accessible=true", new { free = true, accessible = true });
        Postcode("postcode 10 km, sparse, category+free", sparsePostcode, 10_000, $"&category={befriending}&free=true",
            new { categories = new[] { befriending }, free = true });
        shapes.Add(new("q=lunch, no point", "/api/v1/assets?q=lunch", SearchShape.Body(SearchQuery, new { text = "lunch" })));
        shapes.Add(new("openOn=tuesday, no point", "/api/v1/assets?openOn=tuesday", SearchShape.Body(SearchQuery, new { openOn = "tuesday" })));
        shapes.Add(new("openOn=date, no point", $"/api/v1/assets?openOn={tuesday}", SearchShape.Body(SearchQuery, new { openOn = tuesday })));
        shapes.Add(new("pcn area", $"/api/v1/assets?pcn={pcn}", SearchShape.Body(SearchQuery, new { pcnCode = pcn })));
        shapes.Add(new("pcn area, category", $"/api/v1/pcn-areas/{pcn}/assets?category={befriending}",
            SearchShape.Body(SearchQuery, new { pcnCode = pcn, categories = new[] { befriending } })));
        shapes.Add(new("no filter, page 1", "/api/v1/assets", SearchShape.Body(SearchQuery, new { })));
        shapes.Add(new("no filter, page 500", "/api/v1/assets?page=500", null));
        shapes.Add(new("detail by id", $"/api/v1/assets/{detailId}", SearchShape.Body(DetailQuery, new { id = detailId })));
        shapes.Add(new("detail by slug", $"/api/v1/assets/{detailSlug}", null));
        return shapes;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // The search's own variables plus the filter's, as one JSON object.
    private static Dictionary<string, object?> Merge(object search, object? extra)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in extra is null ? [search] : new[] { search, extra })
        {
            foreach (var property in source.GetType().GetProperties())
            {
                merged[property.Name] = property.GetValue(source);
            }
        }

        return merged;
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
