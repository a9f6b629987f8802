namespace AssetMap.Domain.TimeBank;

/// <summary>
/// One exchange: the giver spent <see cref="Hours"/> helping the receiver. It posts two ledger entries, a credit to the
/// giver and a debit to the receiver of the same amount, so hours are never created or lost; balances are derived,
/// never stored. Exchanges are never edited or deleted: a mistake is corrected by a reversal that names the original.
/// </summary>
public sealed class TimeBankExchange
{
    /// <summary>The smallest exchange: a quarter of an hour.</summary>
    public static readonly Hours Smallest = new(1);

    /// <summary>The largest exchange: a whole day.</summary>
    public static readonly Hours Largest = new(24 * 4);

    private readonly List<TimeBankEntry> _entries = [];

    private TimeBankExchange()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The member who gave the help (credited).</summary>
    public Guid GiverId { get; private set; }

    /// <summary>The member who received it (debited).</summary>
    public Guid ReceiverId { get; private set; }

    /// <summary>Positive hours, in quarter-hours.</summary>
    public Hours Hours { get; private set; }

    /// <summary>When the help happened (for a reversal: when the correction was made).</summary>
    public DateOnly OccurredOn { get; private set; }

    /// <summary>What kind of help, as a category slug from the taxonomy.</summary>
    public string? CategorySlug { get; private set; }

    /// <summary>What was done (for a reversal: why it was reversed).</summary>
    public string? Description { get; private set; }

    /// <summary>When the broker recorded it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Who recorded it (account name, or "import").</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>The client's <c>Idempotency-Key</c>: a retry with the same key returns this exchange instead of recording another.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>A hash of the request the key was first used with, so the same key with a different body is refused.</summary>
    public string? RequestFingerprint { get; private set; }

    /// <summary>For a reversal, the exchange it cancels; an exchange can be reversed once and a reversal never.</summary>
    public Guid? ReversesId { get; private set; }

    /// <summary>Whether this is a reversal of another exchange.</summary>
    public bool IsReversal => ReversesId is not null;

    /// <summary>The two ledger entries: the giver's credit and the receiver's debit.</summary>
    public IReadOnlyList<TimeBankEntry> Entries => _entries;

    /// <summary>Records an exchange between two different members, checking the ledger's rules.</summary>
    public static TimeBankExchange Record(ExchangeRequest request, Recording recording, string? idempotencyKey = null, string? requestFingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recording);
        if (request.GiverId == request.ReceiverId)
        {
            throw new DomainRuleException("receiverId", "A member cannot exchange hours with themselves.");
        }

        if (request.Hours.Quarters < Smallest.Quarters || request.Hours.Quarters > Largest.Quarters)
        {
            throw new DomainRuleException("hours", $"An exchange is from {Smallest} to {Largest} hours, in quarter-hours.");
        }

        if (request.OccurredOn > recording.Today)
        {
            throw new DomainRuleException("occurredOn", "An exchange cannot be dated in the future.");
        }

        if (request.Description?.Trim().Length > 500)
        {
            throw new DomainRuleException("description", "A description is at most 500 characters.");
        }

        return Create(request.GiverId, request.ReceiverId, request.Hours, request.OccurredOn, request.CategorySlug, request.Description,
            recording, idempotencyKey, requestFingerprint, reversesId: null);
    }

    /// <summary>
    /// A reversal: the same hours back the other way, dated the day the correction is made so statements already
    /// printed stay true. Credit limits and deactivation do not apply to a correction.
    /// </summary>
    public TimeBankExchange Reverse(string reason, Recording recording)
    {
        if (IsReversal)
        {
            throw new DomainRuleException("exchangeId", "A reversal cannot itself be reversed: record the exchange again instead.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("reason", "Say why the exchange is being reversed.");
        }

        if (reason.Trim().Length > 500)
        {
            throw new DomainRuleException("reason", "A reason is at most 500 characters.");
        }

        return Create(ReceiverId, GiverId, Hours, recording.Today, CategorySlug, reason, recording, null, null, Id);
    }

    private static TimeBankExchange Create(
        Guid giverId, Guid receiverId, Hours hours, DateOnly occurredOn, string? categorySlug, string? description,
        Recording recording, string? idempotencyKey, string? requestFingerprint, Guid? reversesId)
    {
        var exchange = new TimeBankExchange
        {
            Id = Guid.CreateVersion7(),
            GiverId = giverId,
            ReceiverId = receiverId,
            Hours = hours,
            OccurredOn = occurredOn,
            CategorySlug = string.IsNullOrWhiteSpace(categorySlug) ? null : categorySlug.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            RecordedAt = recording.At,
            RecordedBy = recording.By,
            IdempotencyKey = idempotencyKey,
            RequestFingerprint = requestFingerprint,
            ReversesId = reversesId,
        };
        exchange._entries.Add(TimeBankEntry.For(exchange.Id, giverId, hours, occurredOn));
        exchange._entries.Add(TimeBankEntry.For(exchange.Id, receiverId, -hours, occurredOn));
        return exchange;
    }
}
