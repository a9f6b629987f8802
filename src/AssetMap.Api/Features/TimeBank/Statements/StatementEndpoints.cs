using System.Text;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AssetMap.Api.Features.TimeBank.Statements;

/// <summary>A member's statement as JSON, or CSV (<c>Accept: text/csv</c> or the <c>.csv</c> URL) for a spreadsheet.</summary>
internal static class StatementEndpoints
{
    private const string Parameters = "from and to: days (yyyy-MM-dd, inclusive); defaults: the last three months to today (UK). 400 naming the parameter when from is after to.";

    public static void MapStatementEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{id:guid}/statement", (Guid id, string? from, string? to, HttpContext http, AssetMapDbContext db, TimeProvider clock, CancellationToken ct) =>
                StatementAsync(id, from, to, WantsCsv(http.Request), http, db, clock, ct))
            .WithName("GetTimeBankStatement")
            .WithSummary("A member's statement: opening balance, each entry with its running balance, closing balance")
            .WithDescription(Parameters + " Send Accept: text/csv for the CSV.")
            .Produces<StatementResponse>()
            .Produces(StatusCodes.Status200OK, contentType: StatementCsv.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/members/{id:guid}/statement.csv", (Guid id, string? from, string? to, HttpContext http, AssetMapDbContext db, TimeProvider clock, CancellationToken ct) =>
                StatementAsync(id, from, to, csv: true, http, db, clock, ct))
            .WithName("GetTimeBankStatementCsv")
            .WithSummary("A member's statement as CSV, as a download named for the member and the period")
            .WithDescription(Parameters)
            .Produces(StatusCodes.Status200OK, contentType: StatementCsv.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // CSV when the client asks for text/csv at least as strongly as for JSON; JSON otherwise (and for */*).
    private static bool WantsCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var csv = Quality(StatementCsv.MediaType);
        return csv > 0 && csv >= Quality("application/json");
    }

    private static async Task<IResult> StatementAsync(
        Guid id, string? from, string? to, bool csv, HttpContext http, AssetMapDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var today = UkTime.Today(clock);
        var start = errors.Day(from, "from");
        var end = errors.Day(to, "to");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (first, last) = (start ?? today.AddMonths(-3), end ?? today);
        if (first > last)
        {
            errors.Add(start is null ? "to" : "from", $"'from' ({first:yyyy-MM-dd}) is after 'to' ({last:yyyy-MM-dd}).");
            return errors.ToProblem();
        }

        if (await ReadAsync(db, id, first, last, ct) is not { } statement)
        {
            return TimeBankHttp.NotFound("Member", id);
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = "Accept";
        if (!csv)
        {
            return TypedResults.Ok(statement);
        }

        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = StatementCsv.FileName(statement) }.ToString();
        // With a byte-order mark, so a spreadsheet opened by double-click reads names like "Zoë" right.
        return TypedResults.File([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(StatementCsv.Write(statement))], StatementCsv.MediaType + "; charset=utf-8");
    }

    /// <summary>The statement from the ledger, counterparties named by reference too.</summary>
    public static async Task<StatementResponse?> ReadAsync(AssetMapDbContext db, Guid id, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (await LedgerQueries.StatementAsync(db, id, from, to, ct) is not { } statement)
        {
            return null;
        }

        var others = statement.Lines.Select(l => l.CounterpartyId).Distinct().ToList();
        var refs = await db.TimeBankMembers.AsNoTracking().Where(m => others.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.MemberRef, ct);
        var m = statement.Member;
        return new StatementResponse(
            new StatementMember(m.Id, m.MemberRef, m.DisplayName, m.Status, MemberQueries.BasePath + m.Id),
            statement.From,
            statement.To,
            statement.Opening.Value,
            [.. statement.Lines.Select(l => new StatementEntry(
                l.PostedOn,
                l.ExchangeId,
                new ExchangeParty(l.CounterpartyId, refs.GetValueOrDefault(l.CounterpartyId, ""), l.CounterpartyName, MemberQueries.BasePath + l.CounterpartyId),
                l.CategorySlug,
                l.Description,
                l.Amount.Value,
                l.Balance.Value,
                l.Reverses is not null,
                l.Reverses is { } r ? new ExchangeLink(r, ExchangeQueries.BasePath + r) : null,
                l.ReversedBy is { } b ? new ExchangeLink(b, ExchangeQueries.BasePath + b) : null,
                l.RecordedAt,
                l.RecordedBy))],
            statement.Closing.Value);
    }
}
