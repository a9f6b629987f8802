using AssetMap.Import.Parsing;

namespace AssetMap.Import.Tests.Parsing;

public sealed class SchedulePhraseRejectionTests
{
    private static readonly DateOnly From = new(2026, 3, 4);

    [Theory]
    [InlineData("By appointment")]
    [InlineData("by appointment only")]
    [InlineData("Ring for details")]
    [InlineData("Call 01632 960123 for times")]
    [InlineData("Varies")]
    [InlineData("Times vary")]
    [InlineData("TBC")]
    [InlineData("See website")]
    public void Phrases_without_a_regular_time_are_refused(string phrase) =>
        AssertRefused(phrase, $"'{phrase}' is not a regular time: leave the schedule blank and put it in the description.");

    [Theory]
    [InlineData("Tuesdays")]
    [InlineData("Every Tuesday")]
    [InlineData("Mon-Fri")]
    [InlineData("2nd Wednesday of the month")]
    [InlineData("Fortnightly on Thursdays")]
    public void Days_without_a_time_ask_for_the_time(string phrase) =>
        AssertRefused(phrase, $"'{phrase}' has no time: add the time, e.g. 'Tuesdays 10:00-12:00'.");

    [Theory]
    [InlineData("Tuesdays 10am")]
    [InlineData("Tuesdays from 10:00")]
    [InlineData("Tuesdays at 2pm")]
    public void A_start_without_an_end_asks_for_the_end(string phrase) =>
        AssertRefused(phrase, $"'{phrase}' has a start time but no end time: add when it finishes");

    [Theory]
    [InlineData("Tuesdays 10-12 and Thursdays 2-4pm")]
    [InlineData("Mon 9-12, Wed 1-3pm")]
    public void Two_different_times_are_refused(string phrase) =>
        AssertRefused(phrase, "has more than one time: give one regular time per schedule");

    [Theory]
    [InlineData("Every second Wednesday 2pm-4pm", "could mean every other week or once a month: write 'every other wednesday' or '2nd wednesday of the month'")]
    public void Every_second_weekday_is_ambiguous(string phrase, string reason) => AssertRefused(phrase, reason);

    [Theory]
    [InlineData("Daily Tuesdays 10-12")]
    [InlineData("Weekly first Monday 10-12")]
    [InlineData("Every other first Monday 10-12")]
    [InlineData("Tuesdays and Funday 10-12")]
    [InlineData("Tuesdays 10-12 term time only")]
    [InlineData("Mornings 9-12")]
    [InlineData("1000-1200 Tuesdays")]
    [InlineData("Tuesdays 1000-1200")]
    [InlineData("Fifth Monday 10-12")]
    [InlineData("10-12")]
    public void Unrecognised_or_contradictory_phrases_are_refused_with_examples(string phrase) =>
        AssertRefused(phrase, $"could not read '{phrase}': write it like 'Tuesdays 10:00-12:00', 'Every 2nd Wednesday 2pm-4pm' or 'Mon-Fri 9-5'.");

    private static void AssertRefused(string phrase, string reason)
    {
        var parsed = SchedulePhrase.Parse(phrase, From);

        Assert.False(parsed.Ok);
        Assert.Null(parsed.Value);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
    }
}
