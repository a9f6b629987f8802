using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>
/// Recording, listing and reversing exchanges. Recording needs an <c>Idempotency-Key</c>: a retry with the same key and
/// body answers the first result again (201, the same body, <c>Idempotent-Replayed: true</c>) and records nothing; the
/// same key with a different body is a 409. Exchanges are never edited or deleted: a reversal corrects one, once.
/// </summary>
internal static class ExchangeEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    public static void MapExchangeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/exchanges", RecordAsync)
            .WithName("RecordTimeBankExchange")
            .WithSummary("Record an exchange: the giver is credited and the receiver debited the same hours")
            .WithDescription("Needs an Idempotency-Key header (1..200 characters, e.g. a UUID the client makes once per exchange): 400 without it. "
                + "A retry with the same key and body answers the first result again with Idempotent-Replayed: true and records nothing; the same key with a different body is 409. "
                + "Rules (422 naming the field): two different members of one time bank, an active receiver, 0.25..24 hours in quarter-hours, not dated in the future, a known category, the bank's credit limit.")
            .WithMetadata(new RequestHeader(IdempotencyHeader, true, "1..200 characters, new for each exchange and the same on every retry of it."))
            .Accepts<ExchangeBody>("application/json")
            .Produces<ExchangeResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/exchanges", ListAsync)
            .WithName("ListTimeBankExchanges")
            .WithSummary("Exchanges and reversals, newest first")
            .WithDescription("member: a member's id (either side); from and to: days (yyyy-MM-dd, inclusive) the exchange happened; page and pageSize (1..100, default 25).")
            .Produces<ExchangePage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/exchanges/{id:guid}", GetAsync)
            .WithName("GetTimeBankExchange")
            .WithSummary("An exchange, with the reversal that cancels it or the exchange it reverses")
            .Produces<ExchangeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/exchanges/{id:guid}/reversal", ReverseAsync)
            .WithName("ReverseTimeBankExchange")
            .WithSummary("Reverse an exchange: the same hours back the other way, dated today, naming the original")
            .WithDescription("Once only: a second reversal, or reversing a reversal, is 409. Credit limits and deactivation do not stop a correction.")
            .Accepts<ReversalBody>("application/json")
            .Produces<ExchangeResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> RecordAsync(HttpContext http, TimeBankHttp json, ExchangeRecorder recorder, AssetMapDbContext db, CancellationToken ct)
    {
        var keys = http.Request.Headers[IdempotencyHeader];
        var key = keys.Count == 1 ? keys[0]?.Trim() : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Idempotency-Key required",
                detail: keys.Count > 1
                    ? "Send one Idempotency-Key header."
                    : $"Send an Idempotency-Key header of 1..{MaxKeyLength} characters (a new UUID per exchange, reused when retrying it) so a retry never records twice.",
                extensions: new Dictionary<string, object?> { ["field"] = IdempotencyHeader, ["errors"] = new Dictionary<string, string[]> { [IdempotencyHeader] = ["Required, 1..200 characters."] } });
        }

        var (body, problem) = await json.ReadAsync<ExchangeBody>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (Check(body!) is { } invalid)
        {
            return invalid;
        }

        var request = new ExchangeRequest(body!.GiverId!.Value, body.ReceiverId!.Value, Hours.FromDecimal(body.Hours!.Value), body.OccurredOn!.Value,
            string.IsNullOrWhiteSpace(body.Category) ? null : body.Category.Trim(), body.Description);
        var outcome = await recorder.RecordAsync(request, key, EditContext.Api(http), ct);
        return await AnswerAsync(http, db, outcome, ct);
    }

    // Shape and range before the ledger is touched: every problem named at once.
    private static IResult? Check(ExchangeBody body)
    {
        var errors = new EditErrors();
        if (body.GiverId is null)
        {
            errors.Add("giverId", "Give the id of the member who gave the help.");
        }

        if (body.ReceiverId is null)
        {
            errors.Add("receiverId", "Give the id of the member who received the help.");
        }

        if (body.Hours is not { } hours)
        {
            errors.Add("hours", "Give the hours, from 0.25 to 24 in quarter-hours.");
        }
        else if (hours < TimeBankExchange.Smallest.Value || hours > TimeBankExchange.Largest.Value)
        {
            errors.Add("hours", $"An exchange is from {TimeBankExchange.Smallest} to {TimeBankExchange.Largest} hours.");
        }
        else
        {
            errors.Check("hours", () => Hours.FromDecimal(hours));
        }

        if (body.OccurredOn is null)
        {
            errors.Add("occurredOn", "Give the date the help happened (yyyy-MM-dd).");
        }

        if (body.GiverId is { } giver && giver == body.ReceiverId)
        {
            errors.Add("receiverId", "A member cannot exchange hours with themselves.");
        }

        return errors.Any ? errors.ToProblem() : null;
    }

    /// <summary>Exchanges by member and date.</summary>
    /// <param name="member">A member's id: their exchanges on either side.</param>
    /// <param name="from">From this day (yyyy-MM-dd).</param>
    /// <param name="to">To this day, inclusive.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Exchanges per page, 1..100.</param>
    /// <param name="http">The request.</param>
    /// <param name="db">The database.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> ListAsync(string? member, string? from, string? to, int? page, int? pageSize, HttpContext http, AssetMapDbContext db, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        Guid? memberId = null;
        if (!string.IsNullOrWhiteSpace(member))
        {
            if (Guid.TryParse(member.Trim(), out var id))
            {
                memberId = id;
            }
            else
            {
                errors.Add("member", "member is a member's id (a UUID).");
            }
        }

        var start = errors.Day(from, "from");
        var end = errors.Day(to, "to");
        if (start > end)
        {
            errors.Add("to", "'to' is before 'from'.");
        }

        var (p, size) = TimeBankHttp.Paging(page, pageSize, errors);
        if (!errors.Any && memberId is { } wanted && !await db.TimeBankMembers.AnyAsync(m => m.Id == wanted, ct))
        {
            errors.NotFound("member", $"No member has id '{wanted}'.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (items, total) = await ExchangeQueries.ListAsync(db, new(memberId, start, end, p, size), ct);
        var totalPages = (total + size - 1) / size;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ExchangePage(items, p, size, total, totalPages, PageLinkBuilder.For(http, p, totalPages)));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AssetMapDbContext db, CancellationToken ct)
    {
        if (await ExchangeQueries.GetAsync(db, id, ct) is not { } exchange)
        {
            return TimeBankHttp.NotFound("Exchange", id);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(exchange);
    }

    private static async Task<IResult> ReverseAsync(Guid id, HttpContext http, TimeBankHttp json, ExchangeRecorder recorder, AssetMapDbContext db, CancellationToken ct)
    {
        var (body, problem) = await json.ReadAsync<ReversalBody>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await recorder.ReverseAsync(id, body!.Reason ?? "", EditContext.Api(http), ct);
        if (outcome.Status == LedgerOutcome.Kind.NotFound)
        {
            return TimeBankHttp.NotFound("Exchange", id);
        }

        return await AnswerAsync(http, db, outcome, ct);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, AssetMapDbContext db, LedgerOutcome outcome, CancellationToken ct)
    {
        switch (outcome.Status)
        {
            case LedgerOutcome.Kind.Invalid:
                return TimeBankHttp.FieldProblem(StatusCodes.Status422UnprocessableEntity, outcome.Field!, outcome.Message!);
            case LedgerOutcome.Kind.Conflict:
                return TimeBankHttp.FieldProblem(StatusCodes.Status409Conflict, outcome.Field!, outcome.Message!);
            case LedgerOutcome.Kind.NotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Exchange not found", detail: "No exchange has that id.");
        }

        var exchange = await ExchangeQueries.GetAsync(db, outcome.Exchange!.Id, ct) ?? throw new InvalidOperationException("A recorded exchange vanished.");
        http.Response.Headers.CacheControl = "no-store";
        if (outcome.Status == LedgerOutcome.Kind.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created(exchange.Href, exchange);
    }
}
