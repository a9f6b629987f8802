using System.Globalization;

namespace AssetMap.Domain.Assets;

/// <summary>An amount in pounds sterling, held as whole pence so sums never drift.</summary>
public readonly record struct Money
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Creates an amount; negative prices make no sense in a directory.</summary>
    public Money(long pence)
    {
        if (pence < 0)
        {
            throw new DomainRuleException("price", "A price cannot be negative.");
        }

        Pence = pence;
    }

    /// <summary>No charge.</summary>
    public static Money Free { get; } = new(0);

    /// <summary>The amount in pence.</summary>
    public long Pence { get; }

    /// <summary>True when nothing is charged.</summary>
    public bool IsFree => Pence == 0;

    /// <summary>Reads "£5", "5.00", "£12.50" or "free" (any case).</summary>
    public static Money Parse(string input)
    {
        var text = input.Trim();
        if (text.Equals("free", StringComparison.OrdinalIgnoreCase))
        {
            return Free;
        }

        var number = text.TrimStart('£').Trim();
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)
            || decimal.Round(pounds, 2) != pounds)
        {
            throw new DomainRuleException("price", $"'{input}' is not a price in pounds (e.g. £5, 5.00 or free).");
        }

        return new Money((long)(pounds * 100));
    }

    /// <summary>"Free" or e.g. "£12.50".</summary>
    public override string ToString() =>
        IsFree ? "Free" : (Pence % 100 == 0 ? (Pence / 100m).ToString("C0", UkCulture) : (Pence / 100m).ToString("C2", UkCulture));
}
