using System.Globalization;
using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

public sealed class CellParseDateTests
{
    [Theory]
    [InlineData("03/04/2026", "2026-04-03")]
    [InlineData("31/12/2026", "2026-12-31")]
    [InlineData("1/3/2026", "2026-03-01")]
    [InlineData("01/03/26", "2026-03-01")]
    [InlineData("01/03/69", "2069-03-01")]
    [InlineData("01/03/70", "1970-03-01")]
    [InlineData("01/03/99", "1999-03-01")]
    [InlineData("31-12-2026", "2026-12-31")]
    [InlineData("31.12.2026", "2026-12-31")]
    [InlineData("2026-03-01", "2026-03-01")]
    [InlineData("2026-3-1", "2026-03-01")]
    [InlineData("1 March 2026", "2026-03-01")]
    [InlineData("1 Mar 2026", "2026-03-01")]
    [InlineData("1st march 2026", "2026-03-01")]
    [InlineData("21 Sept 2026", "2026-09-21")]
    [InlineData(" 29/02/2028 ", "2028-02-29")]
    public void Date_reads_uk_day_first_text(string cell, string expected) =>
        Assert.Equal(Parsed.Success<DateOnly?>(Iso(expected)), CellParse.Date(cell));

    [Theory]
    [InlineData(45658d, "2025-01-01")]
    [InlineData(45658.75d, "2025-01-01")]
    [InlineData(1d, "1900-01-01")]
    [InlineData(59d, "1900-02-28")]
    [InlineData(61d, "1900-03-01")]
    [InlineData(46082d, "2026-03-01")]
    [InlineData(2958465d, "9999-12-31")]
    public void Date_reads_excel_serial_numbers_in_the_1900_system(double serial, string expected) =>
        Assert.Equal(Parsed.Success<DateOnly?>(Iso(expected)), CellParse.Date(serial));

    [Fact]
    public void Excel_serial_60_is_refused_because_29_february_1900_never_existed()
    {
        var date = CellParse.Date(60d);

        Assert.False(date.Ok);
        Assert.Contains("29 February 1900, a date that never existed", date.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_takes_the_day_of_an_excel_date_cell() =>
        Assert.Equal(Parsed.Success<DateOnly?>(new DateOnly(2026, 3, 1)), CellParse.Date(new DateTime(2026, 3, 1, 14, 30, 0)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_date_is_null(object? cell) => Assert.Equal(Parsed.Success<DateOnly?>(null), CellParse.Date(cell));

    [Theory]
    [InlineData("31/02/2026", "'31/02/2026' is not a real date: February 2026 has 28 days.")]
    [InlineData("29/02/2026", "February 2026 has 28 days")]
    [InlineData("31/04/2026", "April 2026 has 30 days")]
    [InlineData("04/13/2026", "'04/13/2026' has no month 13: write it day first")]
    [InlineData("2026-13-01", "has no month 13")]
    [InlineData("0/03/2026", "is not a real date")]
    [InlineData("1 Smarch 2026", "'Smarch' that is not a month name")]
    [InlineData("next Tuesday", "'next Tuesday' is not a date: write it day first, like 31/12/2026, 31 December 2026 or 2026-12-31.")]
    [InlineData("01/03-2026", "is not a date")]
    [InlineData("1/3/026", "is not a date")]
    [InlineData("45658", "looks like an Excel date number in a text cell")]
    [InlineData(0d, "The number 0 is not a date")]
    [InlineData(-5d, "The number -5 is not a date")]
    [InlineData(2958466d, "The number 2958466 is not a date")]
    [InlineData(true, "tick box, not a date")]
    public void Date_rejects_impossible_and_unreadable_dates_with_a_reason(object cell, string reason)
    {
        var date = CellParse.Date(cell);

        Assert.False(date.Ok);
        Assert.Contains(reason, date.Reason, StringComparison.Ordinal);
    }

    private static DateOnly Iso(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
