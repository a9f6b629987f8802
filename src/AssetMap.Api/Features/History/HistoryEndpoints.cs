using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.History;

/// <summary>An entry's history for editors; the directory-wide audit for admins.</summary>
internal static class HistoryEndpoints
{
    public static IEndpointRouteBuilder MapHistoryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/assets/{id:guid}/history", GetHistoryAsync)
            .RequireAuthorization(AuthPolicies.Editor)
            .WithTags("History")
            .WithName("GetAssetHistory")
            .WithSummary("Every change to an entry, newest first: who, when, from where, each field's before and after")
            .Produces<List<HistoryEntryResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/api/v1/audit", GetAuditAsync)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithTags("History")
            .WithName("GetAudit")
            .WithSummary("Every change across the directory, newest first, by person and date")
            .WithDescription("actor: an account name; from and to: days (yyyy-MM-dd, UTC, inclusive); page and pageSize (1..200, default 50).")
            .Produces<AuditPageResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    /// <summary>An entry's history.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="db">The database.</param>
    /// <param name="audit">History reads.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> GetHistoryAsync(Guid id, AssetMapDbContext db, AuditQueries audit, CancellationToken ct) =>
        await db.Assets.AnyAsync(a => a.Id == id, ct)
            ? TypedResults.Ok(await audit.ForAssetAsync(id, ct))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"No entry has id '{id}'.");

    /// <summary>The directory-wide audit.</summary>
    /// <param name="actor">Only this person's changes.</param>
    /// <param name="from">From this day (yyyy-MM-dd, UTC).</param>
    /// <param name="to">To this day, inclusive.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Entries per page, 1..200.</param>
    /// <param name="audit">History reads.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> GetAuditAsync(string? actor, string? from, string? to, int? page, int? pageSize, AuditQueries audit, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var filter = AuditFilter.TryParse(actor, from, to, page, pageSize, errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(await audit.PageAsync(filter, ct));
    }
}
