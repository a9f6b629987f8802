using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Statements;

/// <summary>A member's statement over a period: what they had, each entry with its running balance, what they have.</summary>
/// <param name="Member">Whose statement.</param>
/// <param name="From">First day (inclusive).</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="OpeningBalance">The balance before <paramref name="From"/>.</param>
/// <param name="Entries">The entries dated in the period, oldest first.</param>
/// <param name="ClosingBalance">The balance at the end of <paramref name="To"/>.</param>
public sealed record StatementResponse(
    StatementMember Member, DateOnly From, DateOnly To, decimal OpeningBalance, IReadOnlyList<StatementEntry> Entries, decimal ClosingBalance);

/// <summary>The member a statement is for.</summary>
/// <param name="Id">Id.</param>
/// <param name="MemberRef">Reference.</param>
/// <param name="DisplayName">First name and initial.</param>
/// <param name="Status">active, deactivated or left.</param>
/// <param name="Href">The member's URL.</param>
public sealed record StatementMember(Guid Id, string MemberRef, string DisplayName, MemberStatus Status, string Href);

/// <summary>One entry seen from the member's side.</summary>
/// <param name="Date">The day it counts from (a reversal: the day it was made).</param>
/// <param name="ExchangeId">The exchange or reversal.</param>
/// <param name="Counterparty">The other member.</param>
/// <param name="Category">Category slug.</param>
/// <param name="Description">What was done (a reversal: why).</param>
/// <param name="Hours">+ hours given, − hours received.</param>
/// <param name="Balance">The running balance after this entry.</param>
/// <param name="IsReversal">True when this entry is a reversal.</param>
/// <param name="Reverses">For a reversal, the exchange it cancels.</param>
/// <param name="ReversedBy">The reversal that cancels this exchange, if any.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it.</param>
public sealed record StatementEntry(
    DateOnly Date,
    Guid ExchangeId,
    ExchangeParty Counterparty,
    string? Category,
    string? Description,
    decimal Hours,
    decimal Balance,
    bool IsReversal,
    ExchangeLink? Reverses,
    ExchangeLink? ReversedBy,
    DateTimeOffset RecordedAt,
    string RecordedBy);
