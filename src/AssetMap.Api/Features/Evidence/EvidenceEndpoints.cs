using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Freshness;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Evidence;

/// <summary>A micro-enterprise whose evidence needs chasing.</summary>
/// <param name="Id">The asset's id.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">draft or published.</param>
/// <param name="FirstExpiry">The earliest expiry among its expired or expiring evidence.</param>
/// <param name="Evidence">Every piece of its evidence, flagged.</param>
public sealed record EvidenceDueItem(Guid Id, string Slug, string Name, AssetStatus Status, DateOnly FirstExpiry, IReadOnlyList<EvidenceResponse> Evidence);

/// <summary>A page of micro-enterprises with evidence expired or expiring, soonest first.</summary>
/// <param name="Items">This page.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="TotalCount">Entries in all.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="WithinDays">The window asked for.</param>
public sealed record EvidenceDuePage(IReadOnlyList<EvidenceDueItem> Items, int Page, int PageSize, int TotalCount, int TotalPages, int WithinDays);

internal static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/micro-enterprises/evidence-due", GetEvidenceDue)
            .RequireAuthorization(AuthPolicies.Editor)
            .WithTags("Review")
            .WithName(nameof(GetEvidenceDue))
            .WithSummary("Micro-enterprises whose DBS check, insurance or CQC registration has expired or expires within N days (editors)")
            .WithDescription("Insurance expires on its date; a DBS check goes stale Evidence:DbsValidMonths after it (default 36); a CQC registration is re-confirmed every Evidence:CqcValidMonths (default 12). Soonest expiry first.")
            .Produces<EvidenceDuePage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>Micro-enterprises with evidence due.</summary>
    /// <param name="within">Days ahead, e.g. <c>30d</c> (default 30); expired evidence is always included.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Entries per page, 1 to 100 (default 20).</param>
    /// <param name="queue">The evidence queue.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> GetEvidenceDue(string? within, int? page, int? pageSize, EvidenceQueue queue, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var days = WithinDays.Parse(within, errors);
        var (p, size) = WithinDays.Paging(page, pageSize, errors);
        if (errors.Any || days is null)
        {
            return errors.ToProblem();
        }

        var (items, total) = await queue.DueAsync(days.Value, p, size, ct);
        return TypedResults.Ok(new EvidenceDuePage(
            [.. items.Select(i => new EvidenceDueItem(i.Id, i.Slug, i.Name, i.Status, i.FirstExpiry, [.. i.Evidence.Select(e => e.ToResponse())]))],
            p, size, total, (total + size - 1) / size, days.Value));
    }
}
