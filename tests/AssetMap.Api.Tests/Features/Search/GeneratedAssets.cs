using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>Published hubs written straight into a test database with SQL: many rows in one statement.</summary>
internal static class GeneratedAssets
{
    /// <summary>
    /// Inserts <paramref name="count"/> published hubs named <c>{prefix} NNNN</c>, spread east of (<paramref name="longitude"/>,
    /// <paramref name="latitude"/>) by <paramref name="stepMetres"/> each (about), last verified at <paramref name="verifiedAt"/>.
    /// </summary>
    public static async Task InsertAsync(TestDatabase database, string prefix, int count, double longitude, double latitude,
        double stepMetres, DateTimeOffset? verifiedAt, string? pcnCode = null, string kind = "hub")
    {
        await using var db = database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
        var stepDegrees = stepMetres / (111_320 * Math.Cos(latitude * Math.PI / 180));
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO assets (id, kind, slug, name, summary, location, public_location, wheelchair_accessible, status, last_verified_at,
                                created_at, updated_at, address_town, facilities, pcn_area_code, open_days, home_based, shows_home_location)
            SELECT gen_random_uuid(), {kind}, lower({prefix}) || '-' || g, {prefix} || ' ' || lpad(g::text, 4, '0'), 'Generated for a test', p, p, false,
                   'published', {verifiedAt}, now(), now(), 'Testtown', ARRAY[]::text[], {pcnCode}, 0,
                   CASE WHEN {kind} = 'micro_enterprise' THEN false END, CASE WHEN {kind} = 'micro_enterprise' THEN true END
            FROM generate_series(1, {count}) AS g,
                 LATERAL (SELECT ST_SetSRID(ST_MakePoint({longitude} + (g * {stepDegrees}), {latitude}), 4326)::geography AS p) AS point;
            ANALYZE assets;
            """, TestContext.Current.CancellationToken);
    }
}
