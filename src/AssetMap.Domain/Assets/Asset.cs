using AssetMap.Domain.Places;
using AssetMap.Domain.Taxonomy;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Assets;

/// <summary>
/// What every public asset shares. Hubs, micro-enterprises and activities live in one table (see README:
/// one search across kinds, one GiST index, KNN ordering across kinds).
/// </summary>
public abstract class Asset
{
    private readonly List<Category> _categories = [];

    /// <summary>For EF Core.</summary>
    protected Asset()
    {
    }

    /// <summary>Creates an asset of <paramref name="kind"/> from a checked profile.</summary>
    protected Asset(AssetKind kind, string slug, AssetProfile profile, IEnumerable<Category> categories)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Slug = Assets.Slug.From(slug);
        ApplyProfile(profile);
        SetCategories(categories);
    }

    /// <summary>Stable id (UUID v7: time-ordered, index-friendly).</summary>
    public Guid Id { get; private set; }

    /// <summary>Which kind of asset; the table's discriminator.</summary>
    public AssetKind Kind { get; private set; }

    /// <summary>Unique, readable URL key.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>One line for search results.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Longer description.</summary>
    public string? Description { get; private set; }

    /// <summary>Postal address.</summary>
    public Address Address { get; private set; } = null!;

    /// <summary>WGS84 point, stored as <c>geography(Point, 4326)</c>.</summary>
    public Point Location { get; private set; } = null!;

    /// <summary>
    /// The point the public sees and searches measure to: the location itself, except for a home-based business that
    /// has not opted in, whose home is coarsened to about 1 km so no distance or map pin reveals it.
    /// </summary>
    public Point PublicLocation { get; private set; } = null!;

    /// <summary>
    /// True when the home is hidden: decided by the business's own choice (<see cref="HidesLocation"/>), never by
    /// comparing points, since a home can fall exactly on a grid-cell centre.
    /// </summary>
    public bool LocationIsApproximate => HidesLocation;

    /// <summary>
    /// The postcode the public sees: the outward code only (e.g. <c>RM17</c>) when the home is hidden. Stored beside
    /// <see cref="PublicLocation"/> so the read model never reads the private address.
    /// </summary>
    public string? PublicPostcode { get; private set; }

    /// <summary>
    /// The PCN area the public point falls in, when inside one. Derived in SQL (PcnAreaAssignment) from
    /// <see cref="PublicLocation"/>, so an area never tells which side of a boundary a hidden home is on.
    /// </summary>
    public string? PcnAreaCode { get; private set; }

    /// <summary>The PCN area, for read projections (name and locality without the boundary).</summary>
    public PcnArea? PcnArea { get; private set; }

    /// <summary>Phone, email, website.</summary>
    public Contact Contact { get; private set; } = Contact.None;

    /// <summary>Step-free access, as recorded by the CVS.</summary>
    public bool WheelchairAccessible { get; private set; }

    /// <summary>Free text on access.</summary>
    public string? AccessibilityNotes { get; private set; }

    /// <summary>Only published assets are public.</summary>
    public AssetStatus Status { get; private set; }

    /// <summary>When the record was last checked: directories rot, so freshness is first-class.</summary>
    public DateTimeOffset? LastVerifiedAt { get; private set; }

    /// <summary>Which import and row the record came from.</summary>
    public AssetSource Source { get; private set; } = AssetSource.Manual;

    /// <summary>Set when first saved.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set on every save that changes the record.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    /// <summary>Weekdays open or in session, Monday = 1 … Sunday = 64 (see <see cref="WeeklyPattern"/>); search filters on it.</summary>
    public int OpenDays { get; private set; }

    /// <summary>How an activity's sessions repeat, as far as SQL can rely on it; null for kinds without sessions.</summary>
    public SessionPattern? SessionPattern { get; private set; }

    /// <summary>For a monthly activity, which week of the month (1–4, -1 for the last).</summary>
    public int? SessionMonthWeek { get; private set; }

    /// <summary>For an activity on the same day every month, that day (1–28).</summary>
    public int? SessionMonthDay { get; private set; }

    /// <summary>For an activity every few weeks, the interval in weeks (2–4).</summary>
    public int? SessionEveryWeeks { get; private set; }

    /// <summary>For an activity every few weeks, which weeks are in session: <see cref="WeeklyPattern.WeekIndex"/> modulo the interval.</summary>
    public int? SessionWeekPhase { get; private set; }

    /// <summary>Categories from the managed taxonomy.</summary>
    public IReadOnlyCollection<Category> Categories => _categories;

    /// <summary>Replaces the shared fields (a re-import or an edit).</summary>
    public void ApplyProfile(AssetProfile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            throw new DomainRuleException("name", "An asset needs a name.");
        }

        if (profile.Name.Trim().Length > 200)
        {
            throw new DomainRuleException("name", "A name is at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(profile.Summary))
        {
            throw new DomainRuleException("summary", $"'{profile.Name}' needs a one-line summary.");
        }

        // The columns' lengths are rules too: a value that does not fit must be refused here, by field, not by the database.
        AtMost(profile.Summary.Trim(), 500, "summary", "A summary is at most 500 characters: put the rest in the description.");
        AtMost(profile.Address.Line, 200, "address", "An address line is at most 200 characters.");
        AtMost(profile.Address.Town, 100, "town", "A town is at most 100 characters.");
        AtMost(profile.Contact.Email, 200, "email", "An email address is at most 200 characters.");
        AtMost(profile.Contact.Website, 500, "website", "A web address is at most 500 characters.");
        AtMost(profile.Source.ExternalRef, 100, "ref", "A reference is at most 100 characters.");

        if (profile.Location.SRID != Spatial.Geo.Srid)
        {
            throw new DomainRuleException("location", "Locations must be WGS84 (SRID 4326).");
        }

        Name = profile.Name.Trim();
        Summary = profile.Summary.Trim();
        Description = string.IsNullOrWhiteSpace(profile.Description) ? null : profile.Description.Trim();
        Address = profile.Address;
        Location = profile.Location;
        Contact = profile.Contact;
        WheelchairAccessible = profile.WheelchairAccessible;
        AccessibilityNotes = string.IsNullOrWhiteSpace(profile.AccessibilityNotes) ? null : profile.AccessibilityNotes.Trim();
        Status = profile.Status;
        LastVerifiedAt = profile.LastVerifiedAt;
        Source = profile.Source;
        RefreshPublicLocation();
    }

    /// <summary>Replaces the categories.</summary>
    public void SetCategories(IEnumerable<Category> categories)
    {
        _categories.Clear();
        _categories.AddRange(categories.DistinctBy(c => c.Id));
    }

    /// <summary>
    /// An editor confirmed the record unchanged at <paramref name="at"/>: only the check date moves, so the entry is
    /// fresh again without any field being rewritten.
    /// </summary>
    public void Verify(DateTimeOffset at)
    {
        if (Status == AssetStatus.Archived)
        {
            throw new DomainRuleException("status", "An archived record cannot be confirmed: restore it first.");
        }

        LastVerifiedAt = at;
    }

    /// <summary>Archives the record: no longer public, kept for the audit trail (never deleted).</summary>
    public void Archive() => Status = AssetStatus.Archived;

    /// <summary>Throws <see cref="DomainRuleException"/> for <paramref name="field"/> when <paramref name="value"/> is longer than <paramref name="max"/>.</summary>
    protected static void AtMost(string? value, int max, string field, string message)
    {
        if (value?.Trim().Length > max)
        {
            throw new DomainRuleException(field, message);
        }
    }

    /// <summary>Stores the week search filters on; kinds call it whenever their hours or schedule change.</summary>
    protected void SetWeeklyPattern(WeeklyPattern pattern)
    {
        OpenDays = pattern.Days;
        SessionPattern = pattern.Pattern;
        SessionMonthWeek = pattern.MonthWeek;
        SessionMonthDay = pattern.MonthDay;
        SessionEveryWeeks = pattern.EveryWeeks;
        SessionWeekPhase = pattern.WeekPhase;
    }

    /// <summary>Whether the exact location may be shown; kinds with private locations override this.</summary>
    protected virtual bool HidesLocation => false;

    /// <summary>Recomputes what the public sees of the place after the location, address or a privacy choice changed.</summary>
    protected void RefreshPublicLocation()
    {
        PublicLocation = HidesLocation ? Spatial.Geo.Coarsen(Location) : Location;
        PublicPostcode = HidesLocation ? Address.Postcode?.Outward : Address.Postcode?.Value;
    }

    /// <summary>Changes the slug, e.g. to make it unique.</summary>
    public void Reslug(string slug) => Slug = Assets.Slug.From(slug);
}
