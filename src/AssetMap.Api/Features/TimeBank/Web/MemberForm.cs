using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Web;

/// <summary>
/// The add/edit member form: its values as posted (or read from the member), the errors by field, and the choices.
/// Field names are MemberEditor's (<c>firstName</c>, <c>skillsOffered</c>…) so its errors land beside the right field.
/// </summary>
internal sealed record MemberForm(
    IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> Offered, IReadOnlyList<string> Wanted,
    IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<CategoryGroup> Categories, string? CurrentSector)
{
    public static readonly string[] TextFields = ["firstName", "lastInitial", "postcode", "offerDetails", "availability", "contactPreference", "contactDetails"];

    public static IReadOnlyList<(ContactPreference Value, string Label)> Preferences { get; } =
        [(ContactPreference.Phone, "Phone call"), (ContactPreference.Text, "Text message"), (ContactPreference.Email, "Email"), (ContactPreference.Letter, "Letter"), (ContactPreference.InPerson, "In person, at a meet-up or drop-in")];

    public FormField Field(string name, string label, string? hint = null, bool multiline = false, string? autocomplete = null) =>
        new(name, label, Values.GetValueOrDefault(name), Errors, hint, multiline, "text", autocomplete);

    public string? Error(string name) => Errors.TryGetValue(name, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The values of a member being edited (the postcode is blank: only its sector is stored).</summary>
    public static (Dictionary<string, string?> Values, string[] Offered, string[] Wanted) Of(TimeBankMember m) => (new(StringComparer.Ordinal)
    {
        ["firstName"] = m.FirstName,
        ["lastInitial"] = m.LastInitial,
        ["postcode"] = "",
        ["offerDetails"] = m.OfferDetails,
        ["availability"] = m.Availability,
        ["contactPreference"] = m.ContactPreference.ToString(),
        ["contactDetails"] = m.ContactDetails,
    }, [.. m.SkillsOffered], [.. m.SkillsWanted]);

    /// <summary>The posted form's values.</summary>
    public static (Dictionary<string, string?> Values, string[] Offered, string[] Wanted) Posted(IFormCollection form) =>
        (TextFields.ToDictionary(f => f, f => (string?)form[f].ToString(), StringComparer.Ordinal),
         [.. form["skillsOffered"].OfType<string>()], [.. form["skillsWanted"].OfType<string>()]);

    public static TimeBankMemberRequest Input(IReadOnlyDictionary<string, string?> v, string[] offered, string[] wanted) => new(
        v.GetValueOrDefault("firstName"), v.GetValueOrDefault("lastInitial"), v.GetValueOrDefault("postcode"), offered, wanted,
        v.GetValueOrDefault("offerDetails"), v.GetValueOrDefault("availability"), v.GetValueOrDefault("contactPreference"), v.GetValueOrDefault("contactDetails"));
}
