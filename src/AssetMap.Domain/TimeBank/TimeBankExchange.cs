namespace AssetMap.Domain.TimeBank;

/// <summary>
/// One exchange: the giver spent <see cref="Hours"/> helping the receiver. It credits the giver and debits the
/// receiver by the same amount, so hours are never created or lost; balances are derived, never stored.
/// </summary>
public sealed class TimeBankExchange
{
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

    /// <summary>When the help happened.</summary>
    public DateOnly OccurredOn { get; private set; }

    /// <summary>What was done.</summary>
    public string? Description { get; private set; }

    /// <summary>When the broker recorded it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records an exchange between two different members.</summary>
    public static TimeBankExchange Record(
        Guid giverId, Guid receiverId, Hours hours, DateOnly occurredOn, string? description, DateTimeOffset recordedAt)
    {
        if (giverId == receiverId)
        {
            throw new DomainRuleException("receiver", "A member cannot exchange hours with themselves.");
        }

        if (hours.Quarters <= 0)
        {
            throw new DomainRuleException("hours", "An exchange must be for a positive number of hours.");
        }

        return new TimeBankExchange
        {
            Id = Guid.CreateVersion7(),
            GiverId = giverId,
            ReceiverId = receiverId,
            Hours = hours,
            OccurredOn = occurredOn,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            RecordedAt = recordedAt,
        };
    }
}
