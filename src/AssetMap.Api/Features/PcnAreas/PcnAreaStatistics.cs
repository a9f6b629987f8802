using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.PcnAreas;

/// <summary>What a PCN area holds, by kind and category; shared by REST and GraphQL.</summary>
internal sealed class PcnAreaStatistics(AssetMapDbContext db)
{
    public async Task<PcnAreaCounts> CountAsync(string code, CancellationToken ct)
    {
        var inside = db.Assets.Where(a => a.Status == AssetStatus.Published && a.PcnAreaCode == code);
        var byKind = await inside.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byCategory = await inside.SelectMany(a => a.Categories)
            .GroupBy(c => new { c.Slug, c.Name })
            .Select(g => new CategoryCount(g.Key.Slug, g.Key.Name, g.Count()))
            .ToListAsync(ct);
        return new PcnAreaCounts(
            byKind.Sum(k => k.Count),
            Enum.GetValues<AssetKind>().ToDictionary(
                k => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(k.ToString()),
                k => byKind.SingleOrDefault(x => x.Key == k)?.Count ?? 0),
            [.. byCategory.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)]);
    }
}
