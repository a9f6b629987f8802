using System.Globalization;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Features.TimeBank.Web;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.TimeBank.Members;

/// <summary>
/// One member for the broker: status, skills, balance and a statement for a period (printable, and as CSV through
/// <c>…/statement.csv</c>, the REST API's CSV), with deactivate / reactivate buttons and the way to the leaving page.
/// </summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class MemberModel(AssetMapDbContext db, MemberEditor editor, TimeProvider clock) : PageModel
{
    public Statement Statement { get; private set; } = null!;

    public TimeBankMember Member => Statement.Member;

    public Hours Balance { get; private set; }

    public Dictionary<string, string> CategoryNames { get; private set; } = [];

    /// <summary>Errors in the period's dates, by field (<c>from</c>, <c>to</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The period as typed (shown back in the inputs even when invalid).</summary>
    public string FromText { get; private set; } = "";

    public string ToText { get; private set; } = "";

    /// <summary>What just happened: added, saved, deactivated, reactivated, left, conflict.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, string? done, CancellationToken ct)
    {
        var (first, last) = Period(from, to);
        if (await LedgerQueries.StatementAsync(db, id, first, last, ct) is not { } statement)
        {
            return NotFound();
        }

        Statement = statement;
        Done = done;
        Balance = await LedgerQueries.BalanceAsync(db, id, ct);
        CategoryNames = await TimeBankChoices.CategoryNamesAsync(db, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, uint version, CancellationToken ct) =>
        ChangeAsync(id, "deactivated", editor.DeactivateAsync(id, version, EditContext.Web(HttpContext), ct));

    public Task<IActionResult> OnPostReactivateAsync(Guid id, uint version, CancellationToken ct) =>
        ChangeAsync(id, "reactivated", editor.ReactivateAsync(id, version, EditContext.Web(HttpContext), ct));

    private async Task<IActionResult> ChangeAsync(Guid id, string done, Task<MemberResult> change) => (await change).Status switch
    {
        MemberResult.Outcome.Saved => Redirect($"/timebank/members/{id}?done={done}"),
        MemberResult.Outcome.Conflict => Redirect($"/timebank/members/{id}?done=conflict"),
        MemberResult.Outcome.NotFound => NotFound(),
        _ => Redirect($"/timebank/members/{id}?done=refused"),
    };

    public string Query() => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = Statement.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Statement.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToUriComponent();

    // The period defaults to the last three months up to today (UK); a bad date is reported and the default used.
    private (DateOnly From, DateOnly To) Period(string? from, string? to)
    {
        var today = UkTime.Today(clock);
        var errors = new EditErrors();
        var last = Date(to, "to", "end", errors) ?? today;
        var first = Date(from, "from", "start", errors) ?? last.AddMonths(-3).AddDays(1);
        if (first > last)
        {
            errors.Add("from", "The start of the period must be on or before its end.");
            first = last.AddMonths(-3).AddDays(1);
        }

        FromText = string.IsNullOrWhiteSpace(from) ? first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : from.Trim();
        ToText = string.IsNullOrWhiteSpace(to) ? last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : to.Trim();
        Errors = errors.ByField;
        return (first, last);
    }

    private static DateOnly? Date(string? text, string field, string which, EditErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text.Trim(), ["d/M/yyyy", "d M yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out date))
        {
            return date;
        }

        errors.Add(field, $"Enter the {which} of the period as a date, like 2026-09-01.");
        return null;
    }
}
