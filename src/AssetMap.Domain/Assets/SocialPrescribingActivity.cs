using AssetMap.Domain.Taxonomy;

namespace AssetMap.Domain.Assets;

/// <summary>A non-clinical activity a GP or link worker can refer people to (walking group, art class, befriending…).</summary>
public sealed class SocialPrescribingActivity : Asset
{
    private SocialPrescribingActivity()
    {
    }

    private SocialPrescribingActivity(string slug, AssetProfile profile, IEnumerable<Category> categories)
        : base(AssetKind.Activity, slug, profile, categories)
    {
    }

    /// <summary>Who runs it.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The hub it meets at, if any.</summary>
    public Guid? VenueId { get; private set; }

    /// <summary>The venue, for read projections (loaded only when a query asks for it).</summary>
    public CommunityHub? Venue { get; private set; }

    /// <summary>When it meets (RRULE).</summary>
    public Schedule Schedule { get; private set; } = null!;

    /// <summary>Cost per session; zero when free.</summary>
    public Money? Cost { get; private set; }

    /// <summary>Who can come.</summary>
    public string? Eligibility { get; private set; }

    /// <summary>How people get on it.</summary>
    public ReferralRoute Referral { get; private set; }

    /// <summary>Places per session, when limited.</summary>
    public int? Capacity { get; private set; }

    /// <summary>Creates an activity.</summary>
    public static SocialPrescribingActivity Create(AssetProfile profile, IEnumerable<Category> categories, ActivityDetails details)
    {
        var activity = new SocialPrescribingActivity(profile.Name, profile, categories);
        activity.SetDetails(details);
        return activity;
    }

    /// <summary>Replaces the activity fields.</summary>
    public void SetDetails(ActivityDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Provider))
        {
            throw new DomainRuleException("provider", $"Activity '{Name}' needs a provider.");
        }

        AtMost(details.Provider, 200, "provider", "A provider's name is at most 200 characters.");

        if (details.Capacity is <= 0)
        {
            throw new DomainRuleException("capacity", "Capacity must be at least one place.");
        }

        Provider = details.Provider.Trim();
        VenueId = details.VenueId;
        Schedule = details.Schedule;
        SetWeeklyPattern(WeeklyPattern.For(details.Schedule));
        Cost = details.Cost;
        Eligibility = string.IsNullOrWhiteSpace(details.Eligibility) ? null : details.Eligibility.Trim();
        Referral = details.Referral;
        Capacity = details.Capacity;
    }
}
