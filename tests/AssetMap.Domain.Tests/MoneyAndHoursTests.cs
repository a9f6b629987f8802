using AssetMap.Domain.Assets;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Domain.Tests;

public sealed class MoneyAndHoursTests
{
    [Theory]
    [InlineData("£5", 500, "£5")]
    [InlineData("5.00", 500, "£5")]
    [InlineData("£12.50", 1250, "£12.50")]
    [InlineData("FREE", 0, "Free")]
    [InlineData(" free ", 0, "Free")]
    public void Money_reads_the_ways_prices_are_written(string input, long pence, string shown)
    {
        var money = Money.Parse(input);

        Assert.Equal(pence, money.Pence);
        Assert.Equal(shown, money.ToString());
    }

    [Theory]
    [InlineData("£5.505")]
    [InlineData("five pounds")]
    [InlineData("-3")]
    public void Money_rejects_what_is_not_a_price(string input) =>
        Assert.Equal("price", Assert.Throws<DomainRuleException>(() => Money.Parse(input)).Field);

    [Theory]
    [InlineData("1.5", 6)]
    [InlineData("0.25", 1)]
    [InlineData("2", 8)]
    public void Hours_are_whole_quarter_hours(string input, int quarters) =>
        Assert.Equal(quarters, Hours.Parse(input).Quarters);

    [Theory]
    [InlineData("0.3")]
    [InlineData("99999999999999")] // would overflow the quarter-hour count: a rule broken, not a crash
    [InlineData("an hour")]
    public void Hours_reject_amounts_that_are_not_quarter_hours(string input) =>
        Assert.Equal("hours", Assert.Throws<DomainRuleException>(() => Hours.Parse(input)).Field);

    [Fact]
    public void Hours_add_without_rounding()
    {
        var total = Hours.Parse("0.25") + Hours.Parse("0.25") + Hours.Parse("0.5");

        Assert.Equal(1m, total.Value);
        Assert.Equal("1", total.ToString());
    }
}
