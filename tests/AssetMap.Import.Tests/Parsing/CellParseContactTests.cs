using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

public sealed class CellParseContactTests
{
    [Theory]
    [InlineData("01632 960123", "01632 960123")]
    [InlineData("01632960123", "01632 960123")]
    [InlineData("+44 1632 960123", "01632 960123")]
    [InlineData("+44 (0)1632 960123", "01632 960123")]
    [InlineData("0044 1632 960123", "01632 960123")]
    [InlineData("(01632) 960 123", "01632 960123")]
    [InlineData("01632-960-123", "01632 960123")]
    [InlineData("07700 900123", "07700 900123")]
    [InlineData("07700900123", "07700 900123")]
    [InlineData("020 7946 0123", "020 7946 0123")]
    [InlineData("02079460123", "020 7946 0123")]
    [InlineData("0121 496 0123", "0121 496 0123")]
    [InlineData("0113 4960123", "0113 496 0123")]
    [InlineData("0300 123 4567", "0300 123 4567")]
    [InlineData("0800 123 456", "0800 123 456")]
    [InlineData("1632960123", "01632 960123")]
    [InlineData(1632960123d, "01632 960123")]
    [InlineData(7700900123d, "07700 900123")]
    [InlineData(441632960123d, "01632 960123")]
    public void Phone_is_normalised_to_the_usual_uk_spacing(object cell, string expected) =>
        Assert.Equal(Parsed.Success<string?>(expected), CellParse.Phone(cell));

    [Theory]
    [InlineData("ring the office", "'ring the office' is not a UK phone number: write one UK number like 01632 960123 or 07700 900123 (digits only, no words).")]
    [InlineData("01632 960123 ext 4", "no words")]
    [InlineData("+33 1 23 45 67 89", "is not a UK phone number")]
    [InlineData("960123", "is not a UK phone number")]
    [InlineData("0163296", "'0163296' is not a UK phone number. Write one UK number like 01632 960123 or 07700 900123.")]
    [InlineData("01632 960123 / 07700 900123", "has too many digits for one UK phone number")]
    [InlineData("01632 960123 07700 900123", "has too many digits for one UK phone number")]
    [InlineData(123d, "is not a UK phone number")]
    public void Phone_rejects_what_is_not_one_uk_number(object cell, string reason)
    {
        var phone = CellParse.Phone(cell);

        Assert.False(phone.Ok);
        Assert.Contains(reason, phone.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" Info@Example.org ", "info@example.org")]
    [InlineData("mailto:hello@example.org", "hello@example.org")]
    public void Email_is_checked_and_lower_cased_by_contact(string cell, string expected) =>
        Assert.Equal(Parsed.Success<string?>(expected), CellParse.Email(cell));

    [Theory]
    [InlineData("not an email", "'not an email' is not an email address.")]
    [InlineData("a@example.org; b@example.org", "is not an email address")]
    [InlineData("hello@example", "is not an email address")]
    public void Email_rejects_what_contact_rejects(string cell, string reason)
    {
        var email = CellParse.Email(cell);

        Assert.False(email.Ok);
        Assert.Contains(reason, email.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("www.example.org/x", "https://www.example.org/x")]
    [InlineData("example.org", "https://example.org/")]
    [InlineData("http://example.org/groups", "http://example.org/groups")]
    public void Website_gets_a_scheme_when_it_has_none(string cell, string expected) =>
        Assert.Equal(Parsed.Success<string?>(expected), CellParse.Website(cell));

    [Theory]
    [InlineData("see Facebook", "'see Facebook' is not a web address.")]
    [InlineData("ftp://example.org", "is not a web address")]
    [InlineData("localhost", "is not a web address")]
    public void Website_rejects_what_contact_rejects(string cell, string reason)
    {
        var website = CellParse.Website(cell);

        Assert.False(website.Ok);
        Assert.Contains(reason, website.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Blank_contact_details_are_null(object? cell)
    {
        Assert.Equal(Parsed.Success<string?>(null), CellParse.Phone(cell));
        Assert.Equal(Parsed.Success<string?>(null), CellParse.Email(cell));
        Assert.Equal(Parsed.Success<string?>(null), CellParse.Website(cell));
    }
}
