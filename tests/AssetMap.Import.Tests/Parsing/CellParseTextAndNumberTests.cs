using System.Globalization;
using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

public sealed class CellParseTextAndNumberTests
{
    [Theory]
    [InlineData("  Grays Library ", "Grays Library")]
    [InlineData("RM17 6SL", "RM17 6SL")]
    [InlineData(1632960123d, "1632960123")]
    [InlineData(16329601230d, "16329601230")]
    [InlineData(12d, "12")]
    [InlineData(5.5d, "5.5")]
    [InlineData(0.1d, "0.1")]
    [InlineData(true, "TRUE")]
    public void Text_is_trimmed_and_numbers_are_written_out_in_full(object cell, string expected)
    {
        var text = CellParse.Text(cell);

        Assert.True(text.Ok);
        Assert.Equal(expected, text.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0")]
    public void Blank_text_is_null(object? cell) => Assert.Equal(Parsed.Success<string?>(null), CellParse.Text(cell));

    [Fact]
    public void Text_of_a_date_cell_is_the_iso_date() =>
        Assert.Equal("2026-03-01", CellParse.Text(new DateTime(2026, 3, 1)).Value);

    [Theory]
    [InlineData("12", 12d)]
    [InlineData(" 1,234 ", 1234d)]
    [InlineData("1,234,567.5", 1234567.5d)]
    [InlineData("-3.5", -3.5d)]
    [InlineData(42d, 42d)]
    public void Number_reads_digits_in_the_invariant_culture(object cell, double expected) =>
        Assert.Equal(expected, CellParse.Number(cell).Value);

    [Theory]
    [InlineData("12 people", "'12 people' is not a number: write digits only")]
    [InlineData("1,5", "with a full stop for decimals")]
    [InlineData("about 20", "put any words in the description")]
    [InlineData("1 234", "is not a number")]
    [InlineData(true, "tick box, not a number")]
    public void Number_rejects_words_and_foreign_formats(object cell, string reason)
    {
        var number = CellParse.Number(cell);

        Assert.False(number.Ok);
        Assert.Contains(reason, number.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1,234", 1234)]
    [InlineData(30d, 30)]
    [InlineData("12.0", 12)]
    public void Integer_reads_whole_numbers(object cell, int expected) =>
        Assert.Equal(expected, CellParse.Integer(cell).Value);

    [Theory]
    [InlineData("2.5", "is not a whole number")]
    [InlineData(2.5d, "is not a whole number")]
    [InlineData("12 people", "write digits only")]
    [InlineData("3000000000", "is not a whole number")]
    public void Integer_rejects_fractions_and_words(object cell, string reason)
    {
        var integer = CellParse.Integer(cell);

        Assert.False(integer.Ok);
        Assert.Contains(reason, integer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_numbers_are_null_not_failures()
    {
        Assert.Equal(Parsed.Success<double?>(null), CellParse.Number(" "));
        Assert.Equal(Parsed.Success<int?>(null), CellParse.Integer(null));
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData(" YES ", true)]
    [InlineData("True", true)]
    [InlineData("✓", true)]
    [InlineData("✔", true)]
    [InlineData("x", true)]
    [InlineData("X", true)]
    [InlineData("1", true)]
    [InlineData("Yes - ramp at the back", true)]
    [InlineData("yes, ground floor", true)]
    [InlineData(true, true)]
    [InlineData(1d, true)]
    [InlineData("N", false)]
    [InlineData("no", false)]
    [InlineData("FALSE", false)]
    [InlineData("✗", false)]
    [InlineData("✘", false)]
    [InlineData("0", false)]
    [InlineData("None", false)]
    [InlineData("No - steps at the entrance", false)]
    [InlineData(false, false)]
    [InlineData(0d, false)]
    public void YesNo_reads_the_ways_staff_tick_a_box(object cell, bool expected) =>
        Assert.Equal(Parsed.Success<bool?>(expected), CellParse.YesNo(cell));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void YesNo_is_null_when_blank(object? cell) => Assert.Equal(Parsed.Success<bool?>(null), CellParse.YesNo(cell));

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("nope")]
    [InlineData("yesterday")]
    [InlineData("n/a")]
    [InlineData(2d)]
    public void YesNo_rejects_other_answers_listing_the_accepted_spellings(object cell)
    {
        var answer = CellParse.YesNo(cell);

        Assert.False(answer.Ok);
        Assert.Contains("is not yes or no: write Y, Yes, True, ✓, X or 1 for yes; N, No, False, ✗, 0 or None for no", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_ignore_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(1234.5d, CellParse.Number("1,234.5").Value);
            Assert.Equal("0.1", CellParse.Text(0.1d).Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
