using System.Security.Claims;
using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.History;

namespace AssetMap.Api.Features.Freshness;

/// <summary>Editors' freshness work: the list of entries due for review, and "confirm unchanged".</summary>
internal static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireAuthorization(AuthPolicies.Editor).WithTags("Review");
        api.MapGet("/review/due", GetReviewDue)
            .WithName(nameof(GetReviewDue))
            .WithSummary("Entries due for review within N days, and overdue ones, most overdue first (editors)")
            .WithDescription("Each entry falls due its kind's review interval (Freshness:ReviewIntervalMonths…) after its last check, or after its creation when never checked. Drafts are included, archived records are not.")
            .Produces<ReviewDuePage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/assets/{id:guid}/verify", VerifyAsset)
            .WithName(nameof(VerifyAsset))
            .WithSummary("Confirm an entry unchanged (editors)")
            .WithDescription("Stamps lastVerifiedAt now and records it in the entry's history (action verified). Nothing else changes.")
            .Produces<VerifiedResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Entries due for review.</summary>
    /// <param name="within">Days ahead, e.g. <c>30d</c> (default 30); overdue entries are always included.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Entries per page, 1 to 100 (default 20).</param>
    /// <param name="queue">The review queue.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> GetReviewDue(string? within, int? page, int? pageSize, ReviewQueue queue, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var days = WithinDays.Parse(within, errors);
        var (p, size) = WithinDays.Paging(page, pageSize, errors);
        if (errors.Any || days is null)
        {
            return errors.ToProblem();
        }

        var (items, total) = await queue.DueAsync(days.Value, p, size, ct);
        return TypedResults.Ok(new ReviewDuePage(
            [.. items.Select(i => new ReviewDueItem(i.Id, i.Slug, i.Kind, i.Name, i.Status, i.Verification.ToResponse(), $"/api/v1/assets/{i.Id}/verify"))],
            p, size, total, (total + size - 1) / size, days.Value));
    }

    /// <summary>Confirm an entry unchanged.</summary>
    /// <param name="id">The asset's id.</param>
    /// <param name="user">The signed-in editor (named in history).</param>
    /// <param name="http">The request.</param>
    /// <param name="verifier">Stamps and records.</param>
    /// <param name="rules">Freshness rules.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> VerifyAsset(
        Guid id, ClaimsPrincipal user, HttpContext http, AssetVerifier verifier, VerificationRules rules, CancellationToken ct)
    {
        var asset = await verifier.VerifyAsync(id, user.Identity?.Name ?? "unknown", AuditSource.Api, $"{http.Request.Method} {http.Request.Path}", ct);
        return asset is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"No current record has id '{id}'.")
            : TypedResults.Ok(new VerifiedResponse(asset.Id, rules.Of(asset.Kind, asset.LastVerifiedAt, asset.CreatedAt).ToResponse()));
    }
}
