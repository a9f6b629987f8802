using System.Globalization;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Web;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Pages.TimeBank.Exchanges;

/// <summary>
/// The broker records exchanges one after another ("a morning's exchanges"). Each rendering of the form carries a new
/// idempotency key in a hidden field: a double click, a resubmitted form or a retry after a lost response sends the same
/// key, and ExchangeRecorder answers with the first exchange instead of recording a second. After each success the page
/// redirects (post/redirect/get) to a confirmation and an empty form with a fresh key.
/// </summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class NewModel(AssetMapDbContext db, ExchangeRecorder recorder, TimeProvider clock) : PageModel
{
    public static readonly string[] Fields = ["giverId", "receiverId", "hours", "occurredOn", "category", "description"];

    public Dictionary<string, string?> Values { get; private set; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string IdempotencyKey { get; private set; } = "";

    public IReadOnlyList<MemberChoice> Members { get; private set; } = [];

    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];

    /// <summary>The exchange just recorded, with both members' balances now.</summary>
    public Confirmation? Recorded { get; private set; }

    public string Today { get; private set; } = "";

    public async Task OnGetAsync(Guid? giver, Guid? receiver, Guid? recorded, bool replayed, CancellationToken ct)
    {
        Values["giverId"] = giver?.ToString();
        Values["receiverId"] = receiver?.ToString();
        if (recorded is { } id)
        {
            Recorded = await ConfirmationAsync(id, replayed, ct);
        }

        await ShowAsync(NewKey(), ct);
    }

    public async Task<IActionResult> OnPostAsync(string? idempotencyKey, CancellationToken ct)
    {
        Values = Fields.ToDictionary(f => f, f => (string?)Request.Form[f].ToString(), StringComparer.Ordinal);
        var errors = new EditErrors();
        var request = Read(errors);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? NewKey() : idempotencyKey;
        if (request is not null)
        {
            var outcome = await recorder.RecordAsync(request, key, EditContext.Web(HttpContext), ct);
            switch (outcome.Status)
            {
                case LedgerOutcome.Kind.Recorded:
                    return Redirect($"/timebank/exchanges/new?recorded={outcome.Exchange!.Id}");
                case LedgerOutcome.Kind.Replayed:
                    return Redirect($"/timebank/exchanges/new?recorded={outcome.Exchange!.Id}&replayed=true");
                case LedgerOutcome.Kind.Conflict:
                    // The key went with another exchange (the form was changed and sent again): nothing recorded, new key.
                    errors.Add("giverId", "This form was already used to record a different exchange, so nothing was recorded. Check the details and choose “Record exchange” again.");
                    key = NewKey();
                    break;
                default:
                    errors.Add(outcome.Field is "Idempotency-Key" or null ? "giverId" : outcome.Field, outcome.Message ?? "The exchange could not be recorded.");
                    break;
            }
        }

        Errors = errors.ByField;
        await ShowAsync(key, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public FormField Field(string name, string label, string? hint = null, bool multiline = false, string type = "text") =>
        new(name, label, Values.GetValueOrDefault(name), Errors, hint, multiline, type);

    public string? Error(string name) => Errors.TryGetValue(name, out var messages) ? string.Join(" ", messages) : null;

    private ExchangeRequest? Read(EditErrors errors)
    {
        var giver = Id("giverId", "Choose the member who gave the help.", errors);
        var receiver = Id("receiverId", "Choose the member who received the help.", errors);
        var hoursText = Values.GetValueOrDefault("hours")?.Trim();
        Hours? hours = null;
        if (string.IsNullOrEmpty(hoursText))
        {
            errors.Add("hours", "Enter the hours, for example 1.5.");
        }
        else
        {
            hours = errors.Check("hours", () => (Hours?)Hours.Parse(hoursText));
        }

        var dateText = Values.GetValueOrDefault("occurredOn")?.Trim();
        DateOnly? date = null;
        if (string.IsNullOrEmpty(dateText))
        {
            errors.Add("occurredOn", "Enter the date the help was given.");
        }
        else if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(dateText, ["d/M/yyyy", "d M yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out d))
        {
            date = d;
        }
        else
        {
            errors.Add("occurredOn", "Enter the date as a real date, for example 2026-11-30.");
        }

        if (errors.Any || giver is null || receiver is null || hours is null || date is null)
        {
            return null;
        }

        var category = Values.GetValueOrDefault("category");
        return new ExchangeRequest(giver.Value, receiver.Value, hours.Value, date.Value,
            string.IsNullOrWhiteSpace(category) ? null : category, Values.GetValueOrDefault("description"));
    }

    private Guid? Id(string field, string missing, EditErrors errors)
    {
        if (Guid.TryParse(Values.GetValueOrDefault(field), out var id))
        {
            return id;
        }

        errors.Add(field, missing);
        return null;
    }

    private async Task ShowAsync(string key, CancellationToken ct)
    {
        IdempotencyKey = key;
        Today = UkTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Values["occurredOn"] = string.IsNullOrWhiteSpace(Values.GetValueOrDefault("occurredOn")) ? Today : Values["occurredOn"];
        Members = await TimeBankChoices.MembersAsync(db, ct);
        Categories = await TimeBankChoices.CategoriesAsync(db, ct);
    }

    private async Task<Confirmation?> ConfirmationAsync(Guid id, bool replayed, CancellationToken ct)
    {
        var exchange = await db.TimeBankExchanges.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (exchange is null)
        {
            return null;
        }

        var names = await db.TimeBankMembers.AsNoTracking().Where(m => m.Id == exchange.GiverId || m.Id == exchange.ReceiverId)
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var balances = await LedgerQueries.BalancesAsync(db, [exchange.GiverId, exchange.ReceiverId], ct);
        return new Confirmation(exchange, names[exchange.GiverId], names[exchange.ReceiverId], balances[exchange.GiverId], balances[exchange.ReceiverId], replayed);
    }

    private static string NewKey() => "web:" + Guid.CreateVersion7().ToString("N");

    /// <summary>What the confirmation panel says.</summary>
    internal sealed record Confirmation(TimeBankExchange Exchange, string Giver, string Receiver, Hours GiverBalance, Hours ReceiverBalance, bool Replayed);
}
