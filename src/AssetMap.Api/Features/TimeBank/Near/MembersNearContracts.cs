namespace AssetMap.Api.Features.TimeBank.Near;

/// <summary>Time-bank members near a person, for practitioners: banded distances, contact through the broker.</summary>
/// <param name="Items">This page: nearest band first, then by name.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Results per page.</param>
/// <param name="TotalCount">How many members match in all.</param>
/// <param name="Skill">The skill asked for, if any (a top-level category includes its subcategories).</param>
/// <param name="MaxDistance">How far the search reaches, e.g. "10 km": members further away are not listed.</param>
/// <param name="Brokers">Every time bank's broker: practitioners contact members only through them.</param>
public sealed record MembersNearResponse(
    IReadOnlyList<MemberNearResponse> Items, int Page, int PageSize, int TotalCount, SkillRef? Skill, string MaxDistance, IReadOnlyList<BrokerContact> Brokers);

/// <summary>One member as a practitioner sees them; never an id, a point, an exact distance or the member's contact details.</summary>
/// <param name="DisplayName">First name and last initial, e.g. "Pat M.".</param>
/// <param name="Distance">The distance band: "under 1 km", "1–3 km", "3–5 km" or "over 5 km".</param>
/// <param name="Skills">What they help with, the matching skills first.</param>
/// <param name="Availability">When they are usually free.</param>
/// <param name="Contact">"Contact through the broker".</param>
/// <param name="Broker">The broker to contact about this member.</param>
public sealed record MemberNearResponse(string DisplayName, string Distance, IReadOnlyList<SkillRef> Skills, string? Availability, string Contact, BrokerContact Broker);

internal static class MembersNearMappings
{
    public const string ContactThroughBroker = "Contact through the broker";

    public static string MaxDistance { get; } = $"{DistanceBands.MaxMetres / 1000:0} km";

    public static MembersNearResponse ToResponse(this MembersNearPage page) => new(
        [.. page.Items.Select(m => new MemberNearResponse(m.DisplayName, DistanceBands.Label(m.Band), m.Skills, m.Availability, ContactThroughBroker, m.Broker))],
        (page.Offset / page.PageSize) + 1,
        page.PageSize,
        page.TotalCount,
        page.Skill,
        MaxDistance,
        page.Brokers);
}
