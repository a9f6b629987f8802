using AssetMap.Domain.History;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>
/// A member's fields for history. Personal fields (name, words, availability, contact, area) appear as "changed" with no
/// values, so history never holds what anonymisation removes; skills and status keep their values.
/// </summary>
internal static class Snapshot
{
    private const string Personal = "(personal: not kept in history)";

    public static IReadOnlyDictionary<string, string?> Empty { get; } = new Dictionary<string, string?>();

    public static IReadOnlyDictionary<string, string?> Of(TimeBankMember member) => new SortedDictionary<string, string?>(StringComparer.Ordinal)
    {
        ["memberRef"] = member.MemberRef,
        ["displayName"] = Hash(member.DisplayName),
        ["postcodeSector"] = Hash(member.PostcodeSector),
        ["offerDetails"] = Hash(member.OfferDetails),
        ["availability"] = Hash(member.Availability),
        ["contactDetails"] = Hash(member.ContactDetails),
        ["contactPreference"] = member.ContactPreference.ToString(),
        ["skillsOffered"] = string.Join(";", member.SkillsOffered),
        ["skillsWanted"] = string.Join(";", member.SkillsWanted),
        ["status"] = member.Status.ToString(),
    };

    public static IReadOnlyList<FieldChange> Changes(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        [.. after.Keys.Union(before.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => IsPersonal(k)
                ? new FieldChange(k, before.GetValueOrDefault(k) is null ? null : Personal, after.GetValueOrDefault(k) is null ? null : Personal)
                : new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];

    private static bool IsPersonal(string field) => field is "displayName" or "postcodeSector" or "offerDetails" or "availability" or "contactDetails";

    // A comparison key only (never stored): tells whether a personal field changed without keeping its value.
    private static string? Hash(string? value) => value is null ? null : string.GetHashCode(value, StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
