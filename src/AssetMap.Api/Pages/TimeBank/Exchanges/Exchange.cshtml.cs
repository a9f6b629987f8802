using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Web;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Pages.TimeBank.Exchanges;

/// <summary>One exchange or reversal: who, how long, when, who recorded it from where, and the form to reverse it once.</summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class ExchangeModel(AssetMapDbContext db, ExchangeRecorder recorder) : PageModel
{
    public TimeBankExchange Exchange { get; private set; } = null!;

    public TimeBankMember Giver { get; private set; } = null!;

    public TimeBankMember Receiver { get; private set; } = null!;

    public string? CategoryName { get; private set; }

    /// <summary>The reversal of this exchange, if any.</summary>
    public Guid? ReversedBy { get; private set; }

    /// <summary>History entries (recorded, reversed) for this exchange: who, when, from where.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Reason { get; private set; }

    public bool JustReversed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool reversed, CancellationToken ct)
    {
        JustReversed = reversed;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReverseAsync(Guid id, string? reason, CancellationToken ct)
    {
        var errors = new EditErrors();
        string? refused = null;
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why the exchange is being reversed.");
        }
        else
        {
            var outcome = await recorder.ReverseAsync(id, reason, EditContext.Web(HttpContext), ct);
            switch (outcome.Status)
            {
                case LedgerOutcome.Kind.Recorded:
                    return Redirect($"/timebank/exchanges/{outcome.Exchange!.Id}?reversed=true");
                case LedgerOutcome.Kind.NotFound:
                    return NotFound();
                case LedgerOutcome.Kind.Conflict:
                    refused = outcome.Message; // already reversed, or a reversal: said beside what the page shows about it
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    break;
                default:
                    errors.Add("reason", outcome.Message ?? "The exchange could not be reversed.");
                    Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    break;
            }
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (refused is not null)
        {
            errors.Add(Exchange.IsReversal ? "reverses" : "reversed-by", refused);
        }

        Errors = errors.ByField;
        Reason = reason;
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var exchange = await db.TimeBankExchanges.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (exchange is null)
        {
            return false;
        }

        Exchange = exchange;
        var members = await db.TimeBankMembers.AsNoTracking().Where(m => m.Id == exchange.GiverId || m.Id == exchange.ReceiverId).ToDictionaryAsync(m => m.Id, ct);
        Giver = members[exchange.GiverId];
        Receiver = members[exchange.ReceiverId];
        CategoryName = exchange.CategorySlug is { } slug ? (await TimeBankChoices.CategoryNamesAsync(db, ct)).GetValueOrDefault(slug, slug) : null;
        ReversedBy = await db.TimeBankExchanges.AsNoTracking().Where(e => e.ReversesId == id).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == ExchangeRecorder.ExchangeEntity && a.EntityId == id).OrderBy(a => a.OccurredAt).ToListAsync(ct);
        return true;
    }
}
