namespace AssetMap.Api.Features.TimeBank.Near;

/// <summary>
/// One member as a practitioner may see them: first name and initial, what they help with, when they are free, and a
/// distance band. No id, reference, point, postcode sector, exact distance, contact details or own-words offer text:
/// a practitioner gets in touch through the broker, who knows the member.
/// </summary>
/// <param name="DisplayName">First name and last initial, e.g. "Pat M.".</param>
/// <param name="Band">The distance band.</param>
/// <param name="Skills">The member's skills (category slug and name), the matching ones first.</param>
/// <param name="Availability">When they are usually free, e.g. "Weekday mornings".</param>
/// <param name="Broker">Whom to contact about this member.</param>
internal sealed record MemberNear(string DisplayName, DistanceBand Band, IReadOnlyList<SkillRef> Skills, string? Availability, BrokerContact Broker);

/// <summary>A skill: a category from the taxonomy.</summary>
/// <param name="Slug">e.g. <c>gardening</c>.</param>
/// <param name="Name">e.g. "Gardening".</param>
public sealed record SkillRef(string Slug, string Name);

/// <summary>The time bank's broker, the only way to a member.</summary>
/// <param name="TimeBank">e.g. "Thurrock Time Bank".</param>
/// <param name="Name">The broker's name.</param>
/// <param name="Email">The broker's email, if any.</param>
/// <param name="Phone">The broker's phone, if any.</param>
public sealed record BrokerContact(string TimeBank, string Name, string? Email, string? Phone);

/// <summary>A page of members near a person.</summary>
/// <param name="Items">This page, nearest band first, then by name.</param>
/// <param name="TotalCount">How many members match in all.</param>
/// <param name="Offset">How many came before this page.</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="Skill">The skill asked for, if any.</param>
/// <param name="Brokers">Every broker of the time banks searched, for a "contact the broker" note even when nobody matched.</param>
internal sealed record MembersNearPage(IReadOnlyList<MemberNear> Items, int TotalCount, int Offset, int PageSize, SkillRef? Skill, IReadOnlyList<BrokerContact> Brokers);
