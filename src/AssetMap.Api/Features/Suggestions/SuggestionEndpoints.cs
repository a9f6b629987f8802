using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Suggestions;

namespace AssetMap.Api.Features.Suggestions;

/// <summary>The editors' queue of suggestions from the public: list, compare, accept (applied as an edit) or dismiss.</summary>
internal static class SuggestionEndpoints
{
    public static IEndpointRouteBuilder MapSuggestionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/suggestions").RequireAuthorization(AuthPolicies.Editor).WithTags("Suggestions");
        group.MapGet("/", ListAsync)
            .WithName("ListSuggestions")
            .WithSummary("Suggestions from the public, oldest first, each beside the entry's current values")
            .Produces<List<SuggestionResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetSuggestion")
            .WithSummary("One suggestion beside the entry's current values")
            .Produces<SuggestionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/accept", AcceptAsync)
            .WithName("AcceptSuggestion")
            .WithSummary("Apply the suggestion to the entry as it is now (history source: suggestion)")
            .Produces<SuggestionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/dismiss", DismissAsync)
            .WithName("DismissSuggestion")
            .WithSummary("Dismiss the suggestion with a reason; the entry is unchanged")
            .Accepts<DismissRequest>("application/json")
            .Produces<SuggestionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <summary>The queue.</summary>
    /// <param name="status">pending (default), accepted or dismissed.</param>
    /// <param name="review">Suggestions.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> ListAsync(string? status, SuggestionReview review, CancellationToken ct)
    {
        if (!Enum.TryParse<SuggestionStatus>(status ?? "pending", ignoreCase: true, out var wanted) || int.TryParse(status, out _))
        {
            var errors = new ParameterErrors();
            errors.Add("status", "status is pending, accepted or dismissed.");
            return errors.ToProblem();
        }

        return TypedResults.Ok(await review.ListAsync(wanted, ct));
    }

    private static async Task<IResult> GetAsync(Guid id, SuggestionReview review, CancellationToken ct) =>
        await review.GetAsync(id, ct) is { } found ? TypedResults.Ok(found) : NotFound(id);

    private static async Task<IResult> AcceptAsync(Guid id, HttpContext http, SuggestionReview review, CancellationToken ct)
    {
        var (decided, _, errors) = await review.AcceptAsync(id, EditContext.ActorOf(http.User), ct);
        return decided is not null ? TypedResults.Ok(decided)
            : errors is null ? NotFound(id)
            : errors.ByField.ContainsKey("status") ? errors.ToProblem(StatusCodes.Status409Conflict)
            : errors.ToProblem();
    }

    private static async Task<IResult> DismissAsync(Guid id, DismissRequest? body, HttpContext http, SuggestionReview review, CancellationToken ct)
    {
        var (decided, errors) = await review.DismissAsync(id, EditContext.ActorOf(http.User), body?.Reason, ct);
        return decided is not null ? TypedResults.Ok(decided) : errors is null ? NotFound(id) : errors.ToProblem();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Suggestion not found", detail: $"No suggestion has id '{id}'.");
}
