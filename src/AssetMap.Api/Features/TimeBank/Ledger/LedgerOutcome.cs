using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>How recording an exchange or a reversal ended. Invalid is a 422 naming the field; Conflict a 409.</summary>
internal sealed record LedgerOutcome(LedgerOutcome.Kind Status, TimeBankExchange? Exchange, string? Field = null, string? Message = null)
{
    public enum Kind
    {
        /// <summary>Written now.</summary>
        Recorded,

        /// <summary>The same Idempotency-Key and body were seen before: the first result, nothing written.</summary>
        Replayed,

        /// <summary>Refused by a ledger rule (422).</summary>
        Invalid,

        /// <summary>Already done, or the key was used with a different request (409).</summary>
        Conflict,

        /// <summary>No such exchange (404).</summary>
        NotFound,
    }

    public static LedgerOutcome Invalid(string field, string message) => new(Kind.Invalid, null, field, message);

    public static LedgerOutcome Conflict(string field, string message) => new(Kind.Conflict, null, field, message);

    public static LedgerOutcome NotFound { get; } = new(Kind.NotFound, null);
}
