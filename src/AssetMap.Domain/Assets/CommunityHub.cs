using AssetMap.Domain.Taxonomy;

namespace AssetMap.Domain.Assets;

/// <summary>A venue run with or by the community: opening times, facilities, what's on.</summary>
public sealed class CommunityHub : Asset
{
    private CommunityHub()
    {
    }

    private CommunityHub(string slug, AssetProfile profile, IEnumerable<Category> categories)
        : base(AssetKind.Hub, slug, profile, categories)
    {
    }

    /// <summary>Weekly opening hours, when known.</summary>
    public OpeningHours? OpeningHours { get; private set; }

    /// <summary>Facilities such as "Café", "Hearing loop".</summary>
    public IReadOnlyList<string> Facilities { get; private set; } = [];

    /// <summary>Creates a hub.</summary>
    public static CommunityHub Create(
        AssetProfile profile, IEnumerable<Category> categories, OpeningHours? openingHours, IEnumerable<string> facilities)
    {
        var hub = new CommunityHub(profile.Name, profile, categories);
        hub.SetHubDetails(openingHours, facilities);
        return hub;
    }

    /// <summary>Replaces the hub-only fields.</summary>
    public void SetHubDetails(OpeningHours? openingHours, IEnumerable<string> facilities)
    {
        OpeningHours = openingHours;
        SetWeeklyPattern(WeeklyPattern.For(openingHours));
        Facilities = [.. facilities.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
