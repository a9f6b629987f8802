using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>A member's statement over a period: what they had, each entry with its running balance, what they have.</summary>
internal sealed record Statement(
    TimeBankMember Member, DateOnly From, DateOnly To, Hours Opening, IReadOnlyList<StatementLine> Lines, Hours Closing);

/// <summary>One ledger entry seen from the member's side: + hours given, − hours received.</summary>
internal sealed record StatementLine(
    DateOnly PostedOn,
    Guid ExchangeId,
    Guid CounterpartyId,
    string CounterpartyName,
    string? CategorySlug,
    string? Description,
    Hours Amount,
    Hours Balance,
    Guid? Reverses,
    Guid? ReversedBy,
    DateTimeOffset RecordedAt,
    string RecordedBy);
