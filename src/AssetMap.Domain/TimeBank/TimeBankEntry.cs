namespace AssetMap.Domain.TimeBank;

/// <summary>
/// One side of an exchange in the double-entry ledger: the giver's credit (+) or the receiver's debit (−). Every
/// exchange has exactly two entries summing to zero (the database checks this too); a balance is the sum of a member's entries.
/// </summary>
public sealed class TimeBankEntry
{
    private TimeBankEntry()
    {
    }

    /// <summary>Ledger order.</summary>
    public long Id { get; private set; }

    /// <summary>The exchange (or reversal) this entry belongs to.</summary>
    public Guid ExchangeId { get; private set; }

    /// <summary>Whose account.</summary>
    public Guid MemberId { get; private set; }

    /// <summary>Signed: positive for hours given, negative for hours received.</summary>
    public Hours Amount { get; private set; }

    /// <summary>The date the entry counts from in statements.</summary>
    public DateOnly PostedOn { get; private set; }

    internal static TimeBankEntry For(Guid exchangeId, Guid memberId, Hours amount, DateOnly postedOn) =>
        new() { ExchangeId = exchangeId, MemberId = memberId, Amount = amount, PostedOn = postedOn };
}
