using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Tests;

public sealed class OpeningHoursTests
{
    [Fact]
    public void Reads_ranges_and_lists_and_knows_which_days_are_open()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-17:00; Sa 10:00-13:00");

        Assert.Equal(6, hours.Periods.Count);
        Assert.True(hours.IsOpenOn(DayOfWeek.Wednesday));
        Assert.True(hours.IsOpenOn(DayOfWeek.Saturday));
        Assert.False(hours.IsOpenOn(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("Mo-Fr 09:00-17:00; Sa 10:00-13:00", "Mo-Fr 09:00-17:00; Sa 10:00-13:00")]
    [InlineData("mo,we,fr 09:30-15:00", "Mo,We,Fr 09:30-15:00")]
    [InlineData("Sa 10:00-12:00; Mo 09:00-12:00; Tu 09:00-12:00", "Mo-Tu 09:00-12:00; Sa 10:00-12:00")]
    [InlineData("Mo 09:00-12:00; Mo 13:00-17:00", "Mo 09:00-12:00; Mo 13:00-17:00")]
    public void Writes_a_canonical_compact_form(string input, string expected)
    {
        var hours = OpeningHours.Parse(input);

        Assert.Equal(expected, hours.ToString());
        Assert.Equal(hours, OpeningHours.Parse(hours.ToString()));
    }

    [Theory]
    [InlineData("Mo-Fr 17:00-09:00", "closes before it opens")]
    [InlineData("Weekdays 9-5", "is not of the form")]
    [InlineData("Fr-Mo 09:00-12:00", "not Mo..Su in order")]
    [InlineData("", "empty")]
    public void Rejects_what_it_cannot_read(string input, string expected) =>
        Assert.Contains(expected, Assert.Throws<DomainRuleException>(() => OpeningHours.Parse(input)).Message, StringComparison.Ordinal);
}
