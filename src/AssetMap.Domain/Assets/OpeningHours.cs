using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetMap.Domain.Assets;

/// <summary>
/// Weekly opening hours in a compact, human-editable form borrowed from OpenStreetMap:
/// <c>Mo-Fr 09:00-17:00; Sa 10:00-13:00</c>. Stored as that canonical text.
/// </summary>
public sealed partial record OpeningHours
{
    private static readonly string[] DayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    private OpeningHours(IReadOnlyList<OpeningPeriod> periods)
    {
        Periods = periods;
    }

    /// <summary>The periods, one per day and time range, Monday first.</summary>
    public IReadOnlyList<OpeningPeriod> Periods { get; }

    /// <summary>Reads the compact form; throws <see cref="DomainRuleException"/> naming the part it cannot read.</summary>
    public static OpeningHours Parse(string text)
    {
        var periods = new List<OpeningPeriod>();
        foreach (var rule in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Rule().Match(rule);
            if (!match.Success)
            {
                throw new DomainRuleException("openingHours", $"'{rule}' is not of the form 'Mo-Fr 09:00-17:00'.");
            }

            var opens = TimeOnly.ParseExact(match.Groups["opens"].Value, "HH:mm", CultureInfo.InvariantCulture);
            var closes = TimeOnly.ParseExact(match.Groups["closes"].Value, "HH:mm", CultureInfo.InvariantCulture);
            if (closes <= opens)
            {
                throw new DomainRuleException("openingHours", $"'{rule}' closes before it opens.");
            }

            foreach (var day in Days(match.Groups["days"].Value, rule))
            {
                periods.Add(new OpeningPeriod(day, opens, closes));
            }
        }

        if (periods.Count == 0)
        {
            throw new DomainRuleException("openingHours", "Opening hours are empty.");
        }

        return new OpeningHours([.. periods.OrderBy(p => DayIndex(p.Day)).ThenBy(p => p.Opens)]);
    }

    /// <summary>Equal when the canonical text is equal.</summary>
    public bool Equals(OpeningHours? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>True when there is a period on that day of the week.</summary>
    public bool IsOpenOn(DayOfWeek day) => Periods.Any(p => p.Day == day);

    /// <summary>The canonical text: consecutive days with the same times become a range, e.g. <c>Mo-Fr 09:00-17:00; Sa 10:00-13:00</c>.</summary>
    public override string ToString()
    {
        var rules = new List<(int FirstDay, string Text)>();
        foreach (var times in Periods.GroupBy(p => (p.Opens, p.Closes)))
        {
            var days = times.Select(p => DayIndex(p.Day)).Distinct().Order().ToList();
            var parts = new List<string>();
            for (var i = 0; i < days.Count;)
            {
                var j = i;
                while (j + 1 < days.Count && days[j + 1] == days[j] + 1)
                {
                    j++;
                }

                parts.Add(j == i ? DayCodes[days[i]] : $"{DayCodes[days[i]]}-{DayCodes[days[j]]}");
                i = j + 1;
            }

            var range = $"{times.Key.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}-{times.Key.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
            rules.Add((days[0], $"{string.Join(',', parts)} {range}"));
        }

        return string.Join("; ", rules.OrderBy(r => r.FirstDay).Select(r => r.Text));
    }

    private static IEnumerable<DayOfWeek> Days(string days, string rule)
    {
        foreach (var part in days.Split(','))
        {
            var range = part.Split('-').Select(d => char.ToUpperInvariant(d[0]) + d[1..].ToLowerInvariant()).ToArray();
            var from = Array.IndexOf(DayCodes, range[0]);
            var to = Array.IndexOf(DayCodes, range[^1]);
            if (from < 0 || to < 0 || to < from)
            {
                throw new DomainRuleException("openingHours", $"'{rule}' has days '{part}' that are not Mo..Su in order.");
            }

            for (var i = from; i <= to; i++)
            {
                yield return (DayOfWeek)((i + 1) % 7);
            }
        }
    }

    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    [GeneratedRegex(@"^(?<days>[A-Za-z]{2}(-[A-Za-z]{2})?(,[A-Za-z]{2}(-[A-Za-z]{2})?)*)\s+(?<opens>\d{2}:\d{2})-(?<closes>\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rule();
}

/// <summary>One opening period.</summary>
/// <param name="Day">Day of the week.</param>
/// <param name="Opens">Opening time.</param>
/// <param name="Closes">Closing time, after <paramref name="Opens"/>.</param>
public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
