using AssetMap.Domain.Places;

namespace AssetMap.Domain.Tests;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("rm17 6sl")]
    [InlineData(" RM176SL ")]
    [InlineData("RM17 6SL")]
    public void Accepts_any_case_and_spacing_and_normalises(string input)
    {
        var postcode = Postcode.Parse(input);

        Assert.Equal("RM17 6SL", postcode.Value);
        Assert.Equal("RM17", postcode.Outward);
        Assert.Equal("RM17 6", postcode.Sector);
    }

    [Theory]
    [InlineData("SS17 0AB", "SS17 0AB")]
    [InlineData("w1a1aa", "W1A 1AA")]
    [InlineData("m1 1ae", "M1 1AE")]
    public void Accepts_every_outward_code_shape(string input, string expected) =>
        Assert.Equal(expected, Postcode.Parse(input).Value);

    [Theory]
    [InlineData("RM17", "not a UK postcode")]
    [InlineData("ABC 123", "not a UK postcode")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("RM17 6SLX", "not a UK postcode")]
    public void Rejects_malformed_postcodes_with_a_message(string input, string expectedMessagePart)
    {
        var error = Assert.Throws<DomainRuleException>(() => Postcode.Parse(input));

        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal("postcode", error.Field);
        Assert.False(Postcode.TryParse(input, out _, out var message));
        Assert.Equal(error.Message, message);
    }

    [Fact]
    public void Equal_postcodes_are_equal_values() =>
        Assert.Equal(Postcode.Parse("rm17 6sl"), Postcode.Parse("RM176SL"));
}
