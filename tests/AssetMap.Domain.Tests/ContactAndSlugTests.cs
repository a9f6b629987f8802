using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Tests;

public sealed class ContactAndSlugTests
{
    [Fact]
    public void Contact_keeps_well_formed_parts_and_adds_a_scheme_to_bare_websites()
    {
        var contact = new Contact("01632 960123", "Hello@Example.org", "example.org/lunch");

        Assert.Equal("01632 960123", contact.Phone);
        Assert.Equal("hello@example.org", contact.Email);
        Assert.Equal("https://example.org/lunch", contact.Website);
    }

    [Theory]
    [InlineData("123", null, null, "phone")]
    [InlineData(null, "not-an-email", null, "email")]
    [InlineData(null, null, "ftp://example.org", "website")]
    [InlineData(null, null, "localhost", "website")]
    public void Contact_rejects_malformed_parts_naming_them(string? phone, string? email, string? website, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => new Contact(phone, email, website)).Field);

    [Theory]
    [InlineData("St Mary's Café, Grays", "st-marys-cafe-grays")]
    [InlineData("  Paws & Claws!  ", "paws-claws")]
    [InlineData("!!!", "asset")]
    public void Slugs_are_readable_ascii(string name, string slug) => Assert.Equal(slug, Slug.From(name));
}
