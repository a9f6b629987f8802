using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.History;

/// <summary>Reads history: one entry's, and the directory-wide audit by person and date. Shared by the API and the pages.</summary>
internal sealed class AuditQueries(AssetMapDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>An entry's history, newest first (at most 1,000 changes).</summary>
    public Task<List<HistoryEntryResponse>> ForAssetAsync(Guid id, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "asset" && e.EntityId == id)
            .OrderByDescending(e => e.Id).Take(1000)
            .Select(e => new HistoryEntryResponse(e.Id, e.EntityType, e.EntityId, e.OccurredAt, e.Action, e.Actor, e.Source, e.SourceDetail, e.Changes))
            .ToListAsync(ct);

    /// <summary>A page of everything, filtered; <paramref name="filter"/> has been checked by <see cref="AuditFilter.TryParse"/>.</summary>
    public async Task<AuditPageResponse> PageAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Actor is { } actor)
        {
            query = query.Where(e => e.Actor == actor);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.OccurredAt < before);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(e => new HistoryEntryResponse(e.Id, e.EntityType, e.EntityId, e.OccurredAt, e.Action, e.Actor, e.Source, e.SourceDetail, e.Changes))
            .ToListAsync(ct);
        return new AuditPageResponse(items, filter.Page, filter.PageSize, total);
    }
}

/// <summary>The audit's filters: who, from which day, to which day (inclusive, UTC days), and the page.</summary>
internal sealed record AuditFilter(string? Actor, DateTimeOffset? From, DateTimeOffset? Before, int Page, int PageSize)
{
    /// <summary>Checks the query parameters; problems are recorded by parameter name.</summary>
    public static AuditFilter TryParse(string? actor, string? from, string? to, int? page, int? pageSize, ParameterErrors errors)
    {
        var start = errors.Day(from, "from");
        var end = errors.Day(to, "to");
        if (start is not null && end is not null && end < start)
        {
            errors.Add("to", "'to' is before 'from'.");
        }

        if (page is < 1)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is 1..{MaxPageSize}.");
        }

        return new AuditFilter(
            string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(),
            start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            end is { } e ? new DateTimeOffset(e.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Math.Max(1, page ?? 1),
            Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
    }

    private const int MaxPageSize = AuditQueries.MaxPageSize;
}
