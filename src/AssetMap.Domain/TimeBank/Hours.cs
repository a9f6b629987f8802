using System.Globalization;

namespace AssetMap.Domain.TimeBank;

/// <summary>Time-bank hours, counted in whole quarter-hours so the ledger never rounds.</summary>
/// <param name="Quarters">Number of quarter-hours; negative for a debit balance.</param>
public readonly record struct Hours(int Quarters)
{
    /// <summary>No hours.</summary>
    public static Hours Zero { get; } = new(0);

    /// <summary>The amount in hours, e.g. 1.75.</summary>
    public decimal Value => Quarters / 4m;

    /// <summary>From an hours amount that must be a multiple of a quarter-hour (1.5, 0.25…).</summary>
    public static Hours FromDecimal(decimal hours)
    {
        // Far beyond any exchange or balance: refused here rather than overflowing the quarter-hour count.
        if (Math.Abs(hours) > 1_000_000m)
        {
            throw new DomainRuleException("hours", $"{hours} hours is not a plausible number of hours.");
        }

        var quarters = hours * 4;
        if (quarters != decimal.Truncate(quarters))
        {
            throw new DomainRuleException("hours", $"{hours} hours is not a whole number of quarter-hours.");
        }

        return new Hours((int)quarters);
    }

    /// <summary>Reads "1.5", "2" or "0.75".</summary>
    public static Hours Parse(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? FromDecimal(value)
            : throw new DomainRuleException("hours", $"'{text}' is not a number of hours.");

    /// <summary>Sum.</summary>
    public static Hours operator +(Hours left, Hours right) => new(left.Quarters + right.Quarters);

    /// <summary>Difference.</summary>
    public static Hours operator -(Hours left, Hours right) => new(left.Quarters - right.Quarters);

    /// <summary>Negation.</summary>
    public static Hours operator -(Hours hours) => new(-hours.Quarters);

    /// <summary>e.g. "1.75".</summary>
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture);
}
