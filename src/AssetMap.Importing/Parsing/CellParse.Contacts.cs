using System.Text.RegularExpressions;
using AssetMap.Domain;
using AssetMap.Domain.Assets;

namespace AssetMap.Import.Parsing;

internal static partial class CellParse
{
    private const string PhoneExamples = "write one UK number like 01632 960123 or 07700 900123";

    /// <summary>
    /// A UK phone number in the usual spacing ("01632 960123", "020 7946 0123", "0121 496 0123", "07700 900123").
    /// Reads +44, (0), brackets, dashes, and numbers whose leading zero Excel dropped (1632960123).
    /// </summary>
    public static Parsed<string?> Phone(object? cell)
    {
        var text = AsText(cell);
        if (text is null)
        {
            return Parsed.Success<string?>(null);
        }

        var tooMany = $"'{text}' has too many digits for one UK phone number: {PhoneExamples}.";
        if (!PhoneCharacters().IsMatch(text))
        {
            // "01632 960123 / 07700 900123": two numbers, not words around one.
            return text.Count(char.IsAsciiDigit) >= 20
                ? Parsed.Fail<string?>(tooMany)
                : Parsed.Fail<string?>($"'{text}' is not a UK phone number: {PhoneExamples} (digits only, no words).");
        }

        var national = National(PhonePunctuation().Replace(text, ""));
        if (national is null)
        {
            return Parsed.Fail<string?>($"'{text}' is not a UK phone number: {PhoneExamples}.");
        }

        if (national.Length > 11)
        {
            return Parsed.Fail<string?>(tooMany);
        }

        try
        {
            return Parsed.Success(new Contact(Spaced(national), null, null).Phone);
        }
        catch (DomainRuleException e)
        {
            return Parsed.Fail<string?>($"{e.Message} {char.ToUpperInvariant(PhoneExamples[0])}{PhoneExamples[1..]}.");
        }
    }

    /// <summary>An email address, lower case (a "mailto:" prefix is dropped); checked by <see cref="Contact"/>.</summary>
    public static Parsed<string?> Email(object? cell)
    {
        var text = AsText(cell);
        if (text is not null && text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..].Trim();
        }

        return FromContact(() => new Contact(null, text, null).Email);
    }

    /// <summary>A web address; "www.example.org/x" becomes "https://www.example.org/x" (see <see cref="Contact"/>).</summary>
    public static Parsed<string?> Website(object? cell)
    {
        var text = AsText(cell);
        return FromContact(() => new Contact(null, null, text).Website);
    }

    private static Parsed<string?> FromContact(Func<string?> read)
    {
        try
        {
            return Parsed.Success(read());
        }
        catch (DomainRuleException e)
        {
            return Parsed.Fail<string?>(e.Message);
        }
    }

    // Digits with a leading 0 (01632960123), or null when the number is not British.
    private static string? National(string digits) => digits switch
    {
        // +44 (0)1632…: the bracketed 0 is dropped after the country code.
        ['+', '4', '4', .. var rest] => $"0{rest.TrimStart('0')}",
        ['0', '0', '4', '4', .. var rest] => $"0{rest.TrimStart('0')}",
        ['+', ..] or ['0', '0', ..] => null,
        ['0', ..] => digits,
        // Excel drops the leading zero of a number typed into a number cell; CSV exports of it do too.
        { Length: 10 } => $"0{digits}",
        ['4', '4', .. var rest] when digits.Length == 12 => $"0{rest}",
        _ => null,
    };

    // Ofcom's usual groupings: 020 7946 0123, 0121 496 0123, 0300 123 4567, 01632 960123, 07700 900123.
    private static string Spaced(string n) => n switch
    {
        { Length: 11 } when n[1] == '2' => $"{n[..3]} {n[3..7]} {n[7..]}",
        { Length: 11 } when n[1] == '1' && (n[2] == '1' || n[3] == '1') => $"{n[..4]} {n[4..7]} {n[7..]}",
        { Length: 11 } when n[1] is '3' or '8' or '9' => $"{n[..4]} {n[4..7]} {n[7..]}",
        { Length: 10 } when n[1] is '8' => $"{n[..4]} {n[4..7]} {n[7..]}",
        { Length: >= 10 } => $"{n[..5]} {n[5..]}",
        _ => n,
    };

    [GeneratedRegex(@"^\+?[0-9 ().\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCharacters();

    [GeneratedRegex(@"[ ().\-]", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePunctuation();
}
