using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.History;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>
/// The broker's member API. Answers carry the member's version as an ETag; PUT and the lifecycle posts need it back
/// in If-Match (428 without it, 412 with the current member when someone changed it since), as the editing API does.
/// </summary>
internal static class MemberEndpoints
{
    private const string ConcurrencyNote = " Send the ETag from GET /api/v1/timebank/members/{id} in If-Match: 428 without it, 412 (with the current member) when the member changed since.";

    private static readonly RequestHeader IfMatch = new("If-Match", true, "The ETag of the member as you read it; * to overwrite whatever is there.");

    public static void MapMemberEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/members", ListAsync)
            .WithName("ListTimeBankMembers")
            .WithSummary("Search members, each with their balance")
            .WithDescription("q: words in the display name, reference or offer details; skill: a category slug the member offers; status: active, deactivated or left; page and pageSize (1..100, default 25). Sorted by reference.")
            .Produces<TimeBankMemberPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/members", CreateAsync)
            .WithName("CreateTimeBankMember")
            .WithSummary("Register a member")
            .WithDescription("The full postcode is used once to find the member's area: only its sector and a ~1 km point are stored. Skills are category slugs or names. 201 with the member and its ETag.")
            .Accepts<TimeBankMemberRequest>("application/json")
            .Produces<TimeBankMemberResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/members/{id:guid}", GetAsync)
            .WithName("GetTimeBankMember")
            .WithSummary("A member with their balance and broker-only contact details")
            .Produces<TimeBankMemberResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/members/{id:guid}", ReplaceAsync)
            .WithName("ReplaceTimeBankMember")
            .WithSummary("Replace a member's editable fields")
            .WithMetadata(IfMatch)
            .WithDescription("Fields left out are cleared; a blank postcode keeps the member's area; timeBank, memberRef and joinedOn are kept." + ConcurrencyNote)
            .Accepts<TimeBankMemberRequest>("application/json")
            .Produces<TimeBankMemberResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        MapLifecycle(api, "deactivate", "DeactivateTimeBankMember", "Pause a member: they keep their balance but cannot receive new exchanges",
            (editor, id, version, who, ct) => editor.DeactivateAsync(id, version, who, ct));
        MapLifecycle(api, "reactivate", "ReactivateTimeBankMember", "Bring a deactivated member back",
            (editor, id, version, who, ct) => editor.ReactivateAsync(id, version, who, ct));
        MapLifecycle(api, "leave", "LeaveTimeBank", "The member leaves: personal fields are anonymised for good; the ledger is kept",
            (editor, id, version, who, ct) => editor.LeaveAsync(id, version, who, ct));
        api.MapGet("/members/{id:guid}/history", HistoryAsync)
            .WithName("GetTimeBankMemberHistory")
            .WithSummary("Changes to a member and every exchange or reversal they took part in, newest first")
            .WithDescription("Personal fields appear as changed without their values, so history never keeps what leaving anonymises.")
            .Produces<List<HistoryEntryResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private delegate Task<MemberResult> Lifecycle(MemberEditor editor, Guid id, uint? version, EditContext who, CancellationToken ct);

    private static void MapLifecycle(RouteGroupBuilder api, string verb, string name, string summary, Lifecycle change) =>
        api.MapPost($"/members/{{id:guid}}/{verb}", async (Guid id, HttpContext http, MemberEditor editor, AssetMapDbContext db, CancellationToken ct) =>
            {
                if (EntityTags.Precondition(http, "GET /api/v1/timebank/members/{id}", out var expected) is { } missing)
                {
                    return missing;
                }

                return await AnswerAsync(http, db, await change(editor, id, expected, EditContext.Api(http), ct), ct);
            })
            .WithName(name)
            .WithSummary(summary)
            .WithMetadata(IfMatch)
            .WithDescription("No body." + ConcurrencyNote)
            .Produces<TimeBankMemberResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Members matching the broker's search.</summary>
    /// <param name="q">Words in the display name, reference or offer details.</param>
    /// <param name="skill">A category slug the member offers.</param>
    /// <param name="status">active, deactivated or left.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Members per page, 1..100.</param>
    /// <param name="http">The request.</param>
    /// <param name="db">The database.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> ListAsync(string? q, string? skill, string? status, int? page, int? pageSize, HttpContext http, AssetMapDbContext db, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var filter = MemberQueries.Parse(q, skill, status, page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (items, total) = await MemberQueries.SearchAsync(db, filter, ct);
        var totalPages = (total + filter.PageSize - 1) / filter.PageSize;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TimeBankMemberPage(items, filter.Page, filter.PageSize, total, totalPages, PageLinkBuilder.For(http, filter.Page, totalPages)));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TimeBankHttp json, MemberEditor editor, AssetMapDbContext db, CancellationToken ct)
    {
        var (body, problem) = await json.ReadAsync<TimeBankMemberRequest>(http.Request, ct);
        return problem ?? await AnswerAsync(http, db, await editor.CreateAsync(body!, EditContext.Api(http), ct), ct);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AssetMapDbContext db, CancellationToken ct)
    {
        if (await MemberQueries.GetAsync(db, id, ct) is not { } member)
        {
            return TimeBankHttp.NotFound("Member", id);
        }

        http.Response.Headers.ETag = EntityTags.For(member.Version);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(member);
    }

    private static async Task<IResult> ReplaceAsync(Guid id, HttpContext http, TimeBankHttp json, MemberEditor editor, AssetMapDbContext db, CancellationToken ct)
    {
        if (EntityTags.Precondition(http, "GET /api/v1/timebank/members/{id}", out var expected) is { } missing)
        {
            return missing;
        }

        var (body, problem) = await json.ReadAsync<TimeBankMemberRequest>(http.Request, ct);
        return problem ?? await AnswerAsync(http, db, await editor.UpdateAsync(id, body!, expected, EditContext.Api(http), ct), ct);
    }

    private static async Task<IResult> HistoryAsync(Guid id, AssetMapDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!await db.TimeBankMembers.AnyAsync(m => m.Id == id, ct))
        {
            return TimeBankHttp.NotFound("Member", id);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await MemberHistory.ForMemberAsync(db, id, ct));
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, AssetMapDbContext db, MemberResult result, CancellationToken ct)
    {
        switch (result.Status)
        {
            case MemberResult.Outcome.Invalid:
                return result.Errors!.ToProblem();
            case MemberResult.Outcome.NotFound:
            case MemberResult.Outcome.Conflict when result.Member is null:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Member not found", detail: "No member has that id.");
            case MemberResult.Outcome.Conflict:
                var theirs = await MemberQueries.ResponseAsync(db, result.Member!, ct);
                http.Response.Headers.ETag = EntityTags.For(theirs.Version);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    title: "The member changed since you read them",
                    detail: "Someone else saved this member after the version you sent in If-Match. 'current' is their version: merge your change into it and send it again with the new ETag.",
                    extensions: new Dictionary<string, object?> { ["field"] = "If-Match", ["current"] = theirs });
        }

        // Read back: the version (xmin) and the balance come from the database.
        var member = await MemberQueries.GetAsync(db, result.Member!.Id, ct) ?? throw new InvalidOperationException("A saved member vanished.");
        http.Response.Headers.ETag = EntityTags.For(member.Version);
        http.Response.Headers.CacheControl = "no-store";
        return result.Status == MemberResult.Outcome.Created
            ? TypedResults.Created(member.Href, member)
            : TypedResults.Ok(member);
    }
}
