namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>
/// An exchange to record: the giver spent <paramref name="Hours"/> helping the receiver on <paramref name="OccurredOn"/>.
/// </summary>
/// <param name="GiverId">The member who gave the help (credited).</param>
/// <param name="ReceiverId">The member who received it (debited); must be active.</param>
/// <param name="Hours">0.25 to 24, in quarter-hours (1.5 yes, 1.3 no).</param>
/// <param name="OccurredOn">When (yyyy-MM-dd, not in the future in UK time).</param>
/// <param name="Category">What kind of help: a category slug (GET /api/v1/categories).</param>
/// <param name="Description">What was done, up to 500 characters.</param>
public sealed record ExchangeBody(Guid? GiverId, Guid? ReceiverId, decimal? Hours, DateOnly? OccurredOn, string? Category, string? Description);

/// <summary>Why an exchange is being reversed.</summary>
/// <param name="Reason">Kept with the reversal (required, up to 500 characters).</param>
public sealed record ReversalBody(string? Reason);

/// <summary>A member as an exchange names them.</summary>
/// <param name="Id">The member's id.</param>
/// <param name="MemberRef">Reference, e.g. TB-001.</param>
/// <param name="DisplayName">First name and initial ("Former member TB-001" once they have left).</param>
/// <param name="Href">The member's URL.</param>
public sealed record ExchangeParty(Guid Id, string MemberRef, string DisplayName, string Href);

/// <summary>A link to another exchange.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Href">Its URL.</param>
public sealed record ExchangeLink(Guid Id, string Href);

/// <summary>One exchange or reversal in the ledger.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Giver">Credited with the hours.</param>
/// <param name="Receiver">Debited with the hours.</param>
/// <param name="Hours">Positive hours.</param>
/// <param name="OccurredOn">When the help happened (a reversal: the day it was made).</param>
/// <param name="Category">Category slug.</param>
/// <param name="Description">What was done (a reversal: why).</param>
/// <param name="RecordedAt">When the broker recorded it.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="IsReversal">True for a reversal.</param>
/// <param name="Reverses">For a reversal, the exchange it cancels.</param>
/// <param name="ReversedBy">The reversal that cancels this exchange, if any.</param>
/// <param name="Href">This exchange's URL.</param>
public sealed record ExchangeResponse(
    Guid Id,
    ExchangeParty Giver,
    ExchangeParty Receiver,
    decimal Hours,
    DateOnly OccurredOn,
    string? Category,
    string? Description,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    bool IsReversal,
    ExchangeLink? Reverses,
    ExchangeLink? ReversedBy,
    string Href);

/// <summary>A page of exchanges, newest first.</summary>
/// <param name="Items">This page.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Exchanges per page.</param>
/// <param name="TotalCount">Exchanges matching on all pages.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="Links">This, the next and the previous page.</param>
public sealed record ExchangePage(IReadOnlyList<ExchangeResponse> Items, int Page, int PageSize, int TotalCount, int TotalPages, Assets.PageLinks Links);
