using System.Globalization;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Taxonomy;

namespace AssetMap.SearchBenchmark.Generation;

/// <summary>
/// Makes synthetic entries with the domain factories, so every rule a real import meets (slugs, contacts, RRULEs,
/// opening hours, home-based privacy) is met here too. Deterministic: the same seed and index give the same entry.
/// Mix: 6% hubs (with opening hours), 54% micro-enterprises (half home-based, three in four of those hiding the home),
/// 40% activities (weekly, fortnightly and monthly RRULEs); 12% of entries sit in the countryside between towns.
/// </summary>
internal sealed class EntryGenerator
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static readonly string[] Adjectives =
        ["Community", "Friendly", "Village", "Riverside", "St Mary's", "Oak Tree", "Sunrise", "Green Lane", "Hillside", "Meadow",
         "Parkside", "Harbour", "Old School", "Bridge", "Church Street", "Station Road", "Willow", "Castle", "Market", "Orchard"];

    private static readonly string[] OpeningHours =
        ["Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00; Sa 10:00-13:00", "Mo-Th 10:00-16:00", "Tu-Sa 09:30-16:30", "Mo,We,Fr 09:00-15:00",
         "Mo-Su 08:00-20:00", "Sa-Su 10:00-16:00", "Mo-Fr 08:30-18:00; Sa 09:00-12:00"];

    private static readonly string[] Facilities = ["Café", "Hearing loop", "Accessible toilet", "Parking", "Garden", "Kitchen", "Wi-Fi"];

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private static readonly string[] PriceUnits = ["per hour", "per visit", "per session", "per week"];

    private static readonly string[] Eligibility = ["Adults 18+", "Over 50s", "Everyone welcome", "Carers", "Over 65s", "Families"];

    private readonly IReadOnlyList<Category> _categories;
    private readonly TownPlaces _places;
    private readonly int _seed;
    private readonly Dictionary<(DateTime, int, string), Schedule> _schedules = [];
    private readonly Dictionary<string, Domain.Assets.OpeningHours> _hours = [];

    public EntryGenerator(IReadOnlyList<Category> leafCategories, TownPlaces places, int seed)
    {
        _categories = leafCategories;
        _places = places;
        _seed = seed;
    }

    /// <summary>Entry number <paramref name="index"/> (0-based).</summary>
    public Asset Create(int index)
    {
        var random = new Random(HashCode.Combine(_seed, index));
        var (town, point, postcode) = _places.Place(random);
        var category = _categories[random.Next(_categories.Count)];
        List<Category> categories = [category];
        if (random.NextDouble() < 0.2)
        {
            var second = _categories[random.Next(_categories.Count)];
            if (second != category)
            {
                categories.Add(second);
            }
        }

        var noun = Noun(category.Name);
        var adjective = Adjectives[random.Next(Adjectives.Length)];
        var kindRoll = random.NextDouble();
        var name = string.Create(CultureInfo.InvariantCulture, $"{adjective} {noun} {town.Name} {index + 1}");
        var statusRoll = random.NextDouble();
        var profile = new AssetProfile(
            name,
            string.Create(CultureInfo.InvariantCulture, $"{adjective} {noun.ToLowerInvariant()} for people in and around {town.Name}."),
            random.NextDouble() < 0.5 ? null : $"Run by local people. Ask about {category.Name.ToLowerInvariant()} and what else is on nearby.",
            new Address(string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(200)} {Adjectives[random.Next(Adjectives.Length)]} Road"), town.Name, Postcode.Parse(postcode)),
            point,
            new Contact(string.Create(CultureInfo.InvariantCulture, $"01632 {960000 + random.Next(1000)}"), string.Create(CultureInfo.InvariantCulture, $"hello{index + 1}@example.org"), null),
            random.NextDouble() < 0.6,
            null,
            statusRoll < 0.97 ? AssetStatus.Published : statusRoll < 0.99 ? AssetStatus.Draft : AssetStatus.Archived,
            new DateTimeOffset(Today.AddDays(-random.Next(900)).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
            new AssetSource(string.Create(CultureInfo.InvariantCulture, $"BENCH-{index + 1:D7}"), "benchmark", null, index + 2));

        return kindRoll switch
        {
            < 0.06 => CommunityHub.Create(profile, categories, Hours(OpeningHours[random.Next(OpeningHours.Length)]),
                Facilities.Where(_ => random.NextDouble() < 0.4)),
            < 0.60 => MicroEnterprise.Create(profile, categories, Enterprise(random, noun)),
            _ => SocialPrescribingActivity.Create(profile, categories, Activity(random, adjective, town)),
        };
    }

    private static MicroEnterpriseDetails Enterprise(Random random, string noun)
    {
        var homeBased = random.NextDouble() < 0.5;
        var priceRoll = random.NextDouble();
        Money? price = priceRoll < 0.1 ? Money.Free : priceRoll < 0.85 ? new Money(500 + (random.Next(70) * 50)) : null;
        return new MicroEnterpriseDetails(
            [noun, "Home visits"],
            price,
            price is { IsFree: false } ? PriceUnits[random.Next(PriceUnits.Length)] : null,
            random.NextDouble() < 0.4,
            Today.AddDays(random.Next(30, 400)),
            random.NextDouble() < 0.7 ? Today.AddDays(-random.Next(1000)) : null,
            null,
            random.NextDouble() < 0.6 ? 2_000 + (random.Next(10) * 1_000) : null,
            null,
            homeBased,
            homeBased && random.NextDouble() < 0.25);
    }

    private ActivityDetails Activity(Random random, string adjective, Town town)
    {
        var ruleRoll = random.NextDouble();
        var dayIndex = random.Next(5 + (random.NextDouble() < 0.2 ? 2 : 0));
        var day = Days[dayIndex];
        var nth = 1 + random.Next(4);
        var monthDay = 1 + random.Next(28);
        var rule = ruleRoll switch
        {
            < 0.55 => $"FREQ=WEEKLY;BYDAY={day}",
            < 0.70 => $"FREQ=WEEKLY;BYDAY={day},{Days[(dayIndex + 2) % 7]}",
            < 0.85 => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
            < 0.95 => $"FREQ=MONTHLY;BYDAY={nth}{day}",
            _ => $"FREQ=MONTHLY;BYMONTHDAY={monthDay}",
        };
        // The first session is one of the rule's own dates, as the importer's schedule phrases ("every Tuesday") and a
        // CVS's first-session column give it: 5 January 2026 is a Monday, so weekday d's first is 5 + d (+ 7 per nth).
        var firstDay = ruleRoll switch
        {
            < 0.85 => 5 + dayIndex,
            < 0.95 => 5 + dayIndex + (7 * (nth - 1)) - (5 + dayIndex > 7 ? 7 : 0),
            _ => monthDay,
        };
        var first = new DateTime(2026, 1, firstDay, 9 + random.Next(10), random.Next(2) * 30, 0, DateTimeKind.Unspecified);
        var minutes = 60 + (random.Next(4) * 30);
        var costRoll = random.NextDouble();
        return new ActivityDetails(
            string.Create(CultureInfo.InvariantCulture, $"{adjective} {town.Name} Trust"),
            null,
            Schedule(first, minutes, rule),
            costRoll < 0.4 ? Money.Free : costRoll < 0.8 ? new Money(200 + (random.Next(9) * 50)) : null,
            Eligibility[random.Next(Eligibility.Length)],
            (ReferralRoute)random.Next(3),
            random.NextDouble() < 0.5 ? null : 8 + random.Next(30));
    }

    // Ical.Net parses each rule; the few hundred distinct schedules are parsed once and shared (records are immutable).
    private Schedule Schedule(DateTime first, int minutes, string rule)
    {
        if (!_schedules.TryGetValue((first, minutes, rule), out var schedule))
        {
            schedule = Domain.Assets.Schedule.Create(first, TimeSpan.FromMinutes(minutes), rule);
            _schedules[(first, minutes, rule)] = schedule;
        }

        return schedule;
    }

    private Domain.Assets.OpeningHours Hours(string text)
    {
        if (!_hours.TryGetValue(text, out var hours))
        {
            hours = Domain.Assets.OpeningHours.Parse(text);
            _hours[text] = hours;
        }

        return hours;
    }

    // "Lunch clubs" → "Lunch club": a name reads as one thing.
    private static string Noun(string category) =>
        category.EndsWith("ies", StringComparison.Ordinal) ? category[..^3] + "y"
        : category.EndsWith('s') && !category.EndsWith("ss", StringComparison.Ordinal) ? category[..^1]
        : category;
}
