using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Import.Seeding;

/// <summary>Reads the time-bank broker's member list and exchange log. Members' exact points are coarsened on the way in.</summary>
internal static class SampleTimeBank
{
    public static List<TimeBankMember> ReadMembers(string path, IReadOnlyDictionary<string, PostcodeLocation> postcodes) =>
        [.. SampleCsv.Read(path).Select(row =>
        {
            var postcode = row.Parse("Postcode", Postcode.Parse);
            var home = postcodes.TryGetValue(postcode.Value, out var known)
                ? known.Location
                : throw row.Error("Postcode", $"'{postcode}' is not in postcodes.csv");
            return Wrap(row, () => TimeBankMember.Register(
                row.Required("Member ref"),
                row.Required("First name"),
                row.Optional("Last initial") ?? "",
                postcode,
                home,
                row.List("Skills offered"),
                row.List("Skills wanted"),
                row.Optional("Availability"),
                row.Date("Joined") ?? throw row.Error("Joined", "a value is required"),
                row.Parse("Status", s => Enum.Parse<AssetStatus>(s, ignoreCase: true)),
                new AssetSource(row.Optional("Member ref"), row.File, null, row.Row)));
        })];

    public static List<TimeBankExchange> ReadExchanges(string path, IReadOnlyDictionary<string, TimeBankMember> membersByRef)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        return [.. SampleCsv.Read(path).Select(row => Wrap(row, () => TimeBankExchange.Record(
            Member(row, "Giver ref", membersByRef),
            Member(row, "Receiver ref", membersByRef),
            row.Parse("Hours", Hours.Parse),
            row.Date("Date") ?? throw row.Error("Date", "a value is required"),
            row.Optional("Description"),
            recordedAt)))];
    }

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
