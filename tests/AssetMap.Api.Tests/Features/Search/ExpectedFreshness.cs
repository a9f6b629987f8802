using AssetMap.Api.Features.Freshness;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.Search;

/// <summary>
/// What search should make of each entry's review date, computed independently of the SQL: overdue under the default
/// <see cref="FreshnessOptions"/> (interval since last checked, or since created), and the distance band it falls in.
/// </summary>
internal static class ExpectedFreshness
{
    public static async Task<Dictionary<Guid, bool>> OverdueAsync(AssetMapDbContext db)
    {
        var options = new FreshnessOptions();
        var now = DateTimeOffset.UtcNow;
        var rows = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.Kind, a.LastVerifiedAt, a.CreatedAt })
            .ToListAsync(TestContext.Current.CancellationToken);
        return rows.ToDictionary(r => r.Id, r => options.DueAt(r.Kind, r.LastVerifiedAt ?? r.CreatedAt) < now);
    }

    /// <summary>0 up to 1 km, 1 up to 3 km, 2 up to 5 km, 3 beyond.</summary>
    public static int Band(double metres) => metres <= 1_000 ? 0 : metres <= 3_000 ? 1 : metres <= 5_000 ? 2 : 3;

    /// <summary>Asserts <paramref name="keys"/> never decrease: equal keys (ties) may come in any order.</summary>
    public static void NonDecreasing<T>(IReadOnlyList<T> keys, IComparer<T> comparer)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            Assert.True(comparer.Compare(keys[i - 1], keys[i]) <= 0, $"out of order at {i}: {keys[i - 1]} then {keys[i]}");
        }
    }
}
