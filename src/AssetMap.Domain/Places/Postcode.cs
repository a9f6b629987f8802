using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AssetMap.Domain.Places;

/// <summary>
/// A UK postcode in its normal form: upper case, one space before the inward code ("RM17 6SL").
/// </summary>
public sealed partial record Postcode
{
    private Postcode(string value)
    {
        Value = value;
    }

    /// <summary>The normalised postcode, e.g. <c>RM17 6SL</c>.</summary>
    public string Value { get; }

    /// <summary>The outward code, e.g. <c>RM17</c>.</summary>
    public string Outward => Value[..Value.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The postcode sector, e.g. <c>RM17 6</c>: about 3,000 addresses, coarse enough for private people.</summary>
    public string Sector => Value[..^2];

    /// <summary>Normalises and validates; throws <see cref="DomainRuleException"/> with a readable message.</summary>
    public static Postcode Parse(string? input) =>
        TryParse(input, out var postcode, out var error) ? postcode : throw new DomainRuleException("postcode", error);

    /// <summary>Normalises and validates without throwing.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Postcode? postcode, [NotNullWhen(false)] out string? error)
    {
        postcode = null;
        var compact = WhiteSpace().Replace(input ?? "", "").ToUpperInvariant();
        if (compact.Length == 0)
        {
            error = "Postcode is empty.";
            return false;
        }

        if (compact.Length is < 5 or > 7 || !Shape().IsMatch(compact))
        {
            error = $"'{input?.Trim()}' is not a UK postcode (expected something like RM17 6SL).";
            return false;
        }

        postcode = new Postcode($"{compact[..^3]} {compact[^3..]}");
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    // Outward code (A9, A9A, A99, AA9, AA9A, AA99) followed by the inward code (9AA).
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
