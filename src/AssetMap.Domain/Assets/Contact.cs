using System.Text.RegularExpressions;

namespace AssetMap.Domain.Assets;

/// <summary>How to reach an asset. Every part is optional, but what is given must be well formed.</summary>
public sealed partial record Contact
{
    /// <summary>Creates a contact after checking each part.</summary>
    public Contact(string? phone, string? email, string? website)
    {
        Phone = Clean(phone);
        Email = Clean(email)?.ToLowerInvariant();
        Website = Clean(website);
        if (Phone is not null && !UkPhone().IsMatch(Phone.Replace(" ", "", StringComparison.Ordinal)))
        {
            throw new DomainRuleException("phone", $"'{Phone}' is not a UK phone number.");
        }

        if (Email is not null && !EmailShape().IsMatch(Email))
        {
            throw new DomainRuleException("email", $"'{Email}' is not an email address.");
        }

        if (Website is not null)
        {
            var withScheme = Website.Contains("://", StringComparison.Ordinal) ? Website : $"https://{Website}";
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
            {
                throw new DomainRuleException("website", $"'{Website}' is not a web address.");
            }

            Website = uri.ToString();
        }
    }

    /// <summary>Nothing known.</summary>
    public static Contact None { get; } = new(null, null, null);

    /// <summary>UK phone number as written, e.g. "01632 960123".</summary>
    public string? Phone { get; }

    /// <summary>Email address, lower case.</summary>
    public string? Email { get; }

    /// <summary>Absolute http(s) URL.</summary>
    public string? Website { get; }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(\+44|0)[0-9]{9,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex UkPhone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
