using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.TimeBank;

/// <summary>
/// A private person who gives and receives hours. Privacy by construction: no home address and no exact point is ever
/// stored, only the postcode sector and a location coarsened to about 1 km. Members live in their own table so no
/// public asset query can return one.
/// </summary>
public sealed class TimeBankMember
{
    private TimeBankMember()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The broker's reference, e.g. "TB-001".</summary>
    public string MemberRef { get; private set; } = "";

    /// <summary>First name and last initial, e.g. "Pat M.".</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Postcode sector, e.g. "RM17 6".</summary>
    public string PostcodeSector { get; private set; } = "";

    /// <summary>Location snapped to a ~1 km grid (<c>geography</c>).</summary>
    public Point CoarseLocation { get; private set; } = null!;

    /// <summary>What the member can help with.</summary>
    public IReadOnlyList<string> SkillsOffered { get; private set; } = [];

    /// <summary>What the member would like help with.</summary>
    public IReadOnlyList<string> SkillsWanted { get; private set; } = [];

    /// <summary>When they are usually free, e.g. "Weekday mornings".</summary>
    public string? Availability { get; private set; }

    /// <summary>When they joined.</summary>
    public DateOnly JoinedOn { get; private set; }

    /// <summary>Published members are active; archived ones have left.</summary>
    public AssetStatus Status { get; private set; }

    /// <summary>When the broker last checked the record.</summary>
    public DateTimeOffset? LastVerifiedAt { get; private set; }

    /// <summary>Which import and row the record came from.</summary>
    public AssetSource Source { get; private set; } = AssetSource.Manual;

    /// <summary>Set when first saved.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set on every save that changes the record.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    /// <summary>
    /// Registers a member. The exact <paramref name="homePoint"/> is coarsened here and then forgotten.
    /// </summary>
    public static TimeBankMember Register(
        string memberRef,
        string firstName,
        string lastInitial,
        Postcode postcode,
        Point homePoint,
        IEnumerable<string> skillsOffered,
        IEnumerable<string> skillsWanted,
        string? availability,
        DateOnly joinedOn,
        AssetStatus status,
        AssetSource source)
    {
        if (string.IsNullOrWhiteSpace(memberRef))
        {
            throw new DomainRuleException("memberRef", "A time-bank member needs a reference.");
        }

        if (string.IsNullOrWhiteSpace(firstName))
        {
            throw new DomainRuleException("firstName", $"Member {memberRef} needs a first name.");
        }

        var initial = lastInitial.Trim().TrimEnd('.');
        return new TimeBankMember
        {
            Id = Guid.CreateVersion7(),
            MemberRef = memberRef.Trim(),
            DisplayName = initial.Length == 0 ? firstName.Trim() : $"{firstName.Trim()} {char.ToUpperInvariant(initial[0])}.",
            PostcodeSector = postcode.Sector,
            CoarseLocation = Spatial.Geo.Coarsen(homePoint),
            SkillsOffered = Clean(skillsOffered),
            SkillsWanted = Clean(skillsWanted),
            Availability = string.IsNullOrWhiteSpace(availability) ? null : availability.Trim(),
            JoinedOn = joinedOn,
            Status = status,
            Source = source,
        };
    }

    private static string[] Clean(IEnumerable<string> values) => [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
}
