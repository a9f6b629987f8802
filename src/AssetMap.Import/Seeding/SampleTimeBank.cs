using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Taxonomy;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Import.Seeding;

/// <summary>
/// Reads the time banks, the broker's member list and exchange log. Members' exact points are coarsened on the way in;
/// skills are category names from the taxonomy, stored as slugs.
/// </summary>
internal static class SampleTimeBank
{
    /// <summary>Who the sample's exchanges were recorded by.</summary>
    public const string Recorder = "import";

    public static Dictionary<string, LocalTimeBank> ReadBanks(string path) =>
        SampleCsv.Read(path).Select(row => Wrap(row, () => LocalTimeBank.Create(
                row.Required("Name"),
                row.Required("Broker name"),
                row.Optional("Broker email"),
                row.Optional("Broker phone"),
                row.Optional("Credit limit hours") is { } limit ? Hours.Parse(limit) : null)))
            .ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);

    public static List<TimeBankMember> ReadMembers(
        string path,
        IReadOnlyDictionary<string, PostcodeLocation> postcodes,
        IReadOnlyDictionary<string, LocalTimeBank> banks,
        IReadOnlyDictionary<string, Category> categories) =>
        [.. SampleCsv.Read(path).Select(row =>
        {
            var postcode = row.Parse("Postcode", Postcode.Parse);
            var home = postcodes.TryGetValue(postcode.Value, out var known)
                ? known.Location
                : throw row.Error("Postcode", $"'{postcode}' is not in postcodes.csv");
            var bank = banks.TryGetValue(row.Required("Time bank"), out var found)
                ? found
                : throw row.Error("Time bank", $"'{row.Required("Time bank")}' is not in time-banks.csv");
            var profile = new MemberProfile(
                row.Required("First name"),
                row.Optional("Last initial") ?? "",
                Skills(row, "Skills offered", categories),
                Skills(row, "Skills wanted", categories),
                row.Optional("Offer details"),
                row.Optional("Availability"),
                row.Parse("Contact preference", s => Enum.Parse<ContactPreference>(s, ignoreCase: true)),
                null);
            return Wrap(row, () => TimeBankMember.Register(
                bank.Id,
                row.Required("Member ref"),
                profile,
                postcode,
                home,
                row.Date("Joined") ?? throw row.Error("Joined", "a value is required"),
                row.Parse("Status", s => Enum.Parse<MemberStatus>(s, ignoreCase: true)),
                new AssetSource(row.Optional("Member ref"), row.File, null, row.Row)));
        })];

    public static List<TimeBankExchange> ReadExchanges(
        string path, IReadOnlyDictionary<string, TimeBankMember> membersByRef, IReadOnlyDictionary<string, Category> categories)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        var recording = new Recording(Recorder, recordedAt, DateOnly.FromDateTime(recordedAt.UtcDateTime.AddDays(1)));
        return [.. SampleCsv.Read(path).Select(row => Wrap(row, () => TimeBankExchange.Record(
            new ExchangeRequest(
                Member(row, "Giver ref", membersByRef),
                Member(row, "Receiver ref", membersByRef),
                row.Parse("Hours", Hours.Parse),
                row.Date("Date") ?? throw row.Error("Date", "a value is required"),
                Skills(row, "Category", categories).SingleOrDefault(),
                row.Optional("Description")),
            recording)))];
    }

    private static string[] Skills(SampleRow row, string column, IReadOnlyDictionary<string, Category> categories) =>
        [.. row.List(column).Select(name => categories.TryGetValue(name, out var category)
            ? category.Slug
            : throw row.Error(column, $"'{name}' is not a category in categories.csv"))];

    private static Guid Member(SampleRow row, string column, IReadOnlyDictionary<string, TimeBankMember> membersByRef) =>
        membersByRef.TryGetValue(row.Required(column), out var member)
            ? member.Id
            : throw row.Error(column, $"'{row.Required(column)}' is not a Member ref in time-bank-members.csv");

    private static T Wrap<T>(SampleRow row, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (DomainRuleException e)
        {
            throw row.Error(e.Field, e.Message);
        }
    }
}
