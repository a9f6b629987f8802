using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

public sealed class CellParsePriceTests
{
    [Theory]
    [InlineData("£5", 500)]
    [InlineData("5", 500)]
    [InlineData("5.00", 500)]
    [InlineData("£12.50", 1250)]
    [InlineData("£ 3", 300)]
    [InlineData("£1,200", 120000)]
    [InlineData("50p", 50)]
    [InlineData("free", 0)]
    [InlineData("Free", 0)]
    [InlineData("Free of charge", 0)]
    [InlineData("no charge", 0)]
    [InlineData("£0", 0)]
    [InlineData("£5 per hour", 500)]
    [InlineData(5.5d, 550)]
    [InlineData(5.1d, 510)]
    [InlineData(0d, 0)]
    public void Price_reads_one_amount_in_pounds(object cell, long pence)
    {
        var price = CellParse.Price(cell);

        Assert.True(price.Ok, price.Reason);
        Assert.Equal(pence, price.Value!.Value.Pence);
    }

    [Theory]
    [InlineData("£5 per hour", 500, "per hour")]
    [InlineData("£3 a session", 300, "a session")]
    [InlineData("£3/session", 300, "per session")]
    [InlineData("£2.50 each", 250, "each")]
    [InlineData("£4 per  person", 400, "per person")]
    [InlineData("£5", 500, null)]
    [InlineData("free", 0, null)]
    public void PriceWithUnit_keeps_the_unit_text(string cell, long pence, string? unit)
    {
        var price = CellParse.PriceWithUnit(cell);

        Assert.True(price.Ok, price.Reason);
        Assert.Equal(pence, price.Value!.Value.Price.Pence);
        Assert.Equal(unit, price.Value.Value.Unit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Blank_price_is_null(object? cell)
    {
        Assert.Equal(Parsed.Success<AssetMap.Domain.Assets.Money?>(null), CellParse.Price(cell));
        Assert.True(CellParse.PriceWithUnit(cell) is { Ok: true, Value: null });
    }

    [Theory]
    [InlineData("£5-£10", "'£5-£10' has more than one price: give one price; put the rest in the description.")]
    [InlineData("£5 – £10", "give one price; put the rest in the description")]
    [InlineData("£5 to £10", "give one price")]
    [InlineData("£5 (£3 concessions)", "give one price")]
    [InlineData("donation", "'donation' is not a price: write one price like £5, 5.00 or free")]
    [InlineData("Donations welcome", "Put donations, 'varies' and other details in the description.")]
    [InlineData("varies", "is not a price")]
    [InlineData("£5 suggested", "is not a price")]
    [InlineData("-3", "A price cannot be negative.")]
    [InlineData("£5.505", "is not a price in pounds")]
    [InlineData(5.505d, "use at most two decimal places")]
    [InlineData(-2d, "A price cannot be negative.")]
    [InlineData(true, "not a price")]
    public void Price_rejects_what_is_not_one_price(object cell, string reason)
    {
        var price = CellParse.Price(cell);

        Assert.False(price.Ok);
        Assert.Contains(reason, price.Reason, StringComparison.Ordinal);
    }
}
