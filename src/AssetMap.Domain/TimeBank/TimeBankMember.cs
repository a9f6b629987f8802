using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.TimeBank;

/// <summary>
/// A private person who gives and receives hours. Privacy by construction: no home address and no exact point is ever
/// stored, only the postcode sector and a location coarsened to about 1 km. Members live in their own table so no
/// public asset query can return one. Nothing is deleted: leaving anonymises the personal fields and keeps the ledger.
/// </summary>
public sealed class TimeBankMember
{
    private const int MaxText = 500;

    private TimeBankMember()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The time bank the member belongs to.</summary>
    public Guid TimeBankId { get; private set; }

    /// <summary>The broker's reference, e.g. "TB-001".</summary>
    public string MemberRef { get; private set; } = "";

    /// <summary>First name, e.g. "Pat".</summary>
    public string FirstName { get; private set; } = "";

    /// <summary>Last-name initial, e.g. "M"; may be empty.</summary>
    public string LastInitial { get; private set; } = "";

    /// <summary>First name and last initial, e.g. "Pat M.".</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Postcode sector, e.g. "RM17 6"; null once the member has left.</summary>
    public string? PostcodeSector { get; private set; }

    /// <summary>Location snapped to a ~1 km grid (<c>geography</c>); null once the member has left.</summary>
    public Point? CoarseLocation { get; private set; }

    /// <summary>Category slugs of what the member can help with.</summary>
    public IReadOnlyList<string> SkillsOffered { get; private set; } = [];

    /// <summary>Category slugs of what the member would like help with.</summary>
    public IReadOnlyList<string> SkillsWanted { get; private set; } = [];

    /// <summary>What they offer, in their words, e.g. "Lifts to hospital appointments".</summary>
    public string? OfferDetails { get; private set; }

    /// <summary>When they are usually free, e.g. "Weekday mornings".</summary>
    public string? Availability { get; private set; }

    /// <summary>How the broker gets in touch.</summary>
    public ContactPreference ContactPreference { get; private set; }

    /// <summary>The phone number, email or note the broker uses; never shown to anyone else.</summary>
    public string? ContactDetails { get; private set; }

    /// <summary>When they joined.</summary>
    public DateOnly JoinedOn { get; private set; }

    /// <summary>Active, deactivated or left.</summary>
    public MemberStatus Status { get; private set; }

    /// <summary>When the member left (and was anonymised).</summary>
    public DateOnly? LeftOn { get; private set; }

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

    /// <summary>Whether new exchanges may credit or debit this member as receiver.</summary>
    public bool CanReceive => Status == MemberStatus.Active;

    /// <summary>
    /// Registers a member. The exact <paramref name="homePoint"/> is coarsened here and then forgotten.
    /// </summary>
    public static TimeBankMember Register(
        Guid timeBankId,
        string memberRef,
        MemberProfile profile,
        Postcode postcode,
        Point homePoint,
        DateOnly joinedOn,
        MemberStatus status,
        AssetSource source)
    {
        if (string.IsNullOrWhiteSpace(memberRef))
        {
            throw new DomainRuleException("memberRef", "A time-bank member needs a reference.");
        }

        if (status == MemberStatus.Left)
        {
            throw new DomainRuleException("status", "A new member cannot start as having left.");
        }

        var member = new TimeBankMember
        {
            Id = Guid.CreateVersion7(),
            TimeBankId = timeBankId,
            MemberRef = memberRef.Trim(),
            JoinedOn = joinedOn,
            Status = status,
            Source = source,
        };
        member.Update(profile);
        member.MoveTo(postcode, homePoint);
        return member;
    }

    /// <summary>Changes what the broker edits; a member who has left keeps no personal fields to edit.</summary>
    public void Update(MemberProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        EnsureNotLeft();
        if (string.IsNullOrWhiteSpace(profile.FirstName))
        {
            throw new DomainRuleException("firstName", "A member needs a first name.");
        }

        if (profile.FirstName.Trim().Length > 50)
        {
            throw new DomainRuleException("firstName", "A first name is at most 50 characters.");
        }

        var initial = profile.LastInitial.Trim().TrimEnd('.');
        if (initial.Length > 0 && !char.IsLetter(initial[0]))
        {
            throw new DomainRuleException("lastInitial", "Give the initial of the member's last name, e.g. \"M\".");
        }

        foreach (var (field, text) in (ReadOnlySpan<(string, string?)>)[("offerDetails", profile.OfferDetails), ("availability", profile.Availability), ("contactDetails", profile.ContactDetails)])
        {
            if (text?.Trim().Length > MaxText)
            {
                throw new DomainRuleException(field, $"At most {MaxText} characters.");
            }
        }

        FirstName = profile.FirstName.Trim();
        LastInitial = initial.Length == 0 ? "" : char.ToUpperInvariant(initial[0]).ToString();
        DisplayName = LastInitial.Length == 0 ? FirstName : $"{FirstName} {LastInitial}.";
        SkillsOffered = Slugs(profile.SkillsOffered);
        SkillsWanted = Slugs(profile.SkillsWanted);
        OfferDetails = Text(profile.OfferDetails);
        Availability = Text(profile.Availability);
        ContactPreference = profile.ContactPreference;
        ContactDetails = Text(profile.ContactDetails);
    }

    /// <summary>Moves the member: only the postcode's sector and the point coarsened to ~1 km are kept.</summary>
    public void MoveTo(Postcode postcode, Point homePoint)
    {
        ArgumentNullException.ThrowIfNull(homePoint);
        EnsureNotLeft();
        PostcodeSector = postcode.Sector;
        CoarseLocation = Spatial.Geo.Coarsen(homePoint);
    }

    /// <summary>Pauses the member: they keep their balance but cannot receive new exchanges.</summary>
    public void Deactivate()
    {
        EnsureNotLeft();
        Status = MemberStatus.Deactivated;
    }

    /// <summary>Brings a deactivated member back.</summary>
    public void Reactivate()
    {
        EnsureNotLeft();
        Status = MemberStatus.Active;
    }

    /// <summary>
    /// The member leaves: every personal field is wiped (name, skills, words, availability, contact, location) and cannot
    /// be restored. The member row and its ledger entries stay, so every other member's balance still adds up.
    /// </summary>
    public void Leave(DateOnly on)
    {
        Status = MemberStatus.Left;
        LeftOn = on;
        FirstName = "Former member";
        LastInitial = "";
        DisplayName = $"Former member {MemberRef}";
        PostcodeSector = null;
        CoarseLocation = null;
        SkillsOffered = [];
        SkillsWanted = [];
        OfferDetails = null;
        Availability = null;
        ContactDetails = null;
    }

    /// <summary>Records that the broker checked the record with the member.</summary>
    public void Verify(DateTimeOffset at) => LastVerifiedAt = at;

    private void EnsureNotLeft()
    {
        if (Status == MemberStatus.Left)
        {
            throw new DomainRuleException("status", $"Member {MemberRef} has left the time bank; their record is anonymised and cannot change.");
        }
    }

    private static string[] Slugs(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct()];

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
