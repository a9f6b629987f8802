namespace AssetMap.Api.Features.TimeBank.Near;

/// <summary>
/// How far a member is from the person, as a band only. Bands are measured from the member's stored ~1 km cell centre,
/// never from a home (none is stored), and nothing finer than the band ever leaves the server.
/// </summary>
public enum DistanceBand
{
    /// <summary>Under 1 km.</summary>
    UnderOneKm,

    /// <summary>1 to 3 km.</summary>
    OneToThreeKm,

    /// <summary>3 to 5 km.</summary>
    ThreeToFiveKm,

    /// <summary>Over 5 km (and within <see cref="DistanceBands.MaxMetres"/>).</summary>
    OverFiveKm,
}

/// <summary>The band edges, their labels and the search's reach.</summary>
public static class DistanceBands
{
    /// <summary>Members further than 10 km from the person are not offered: a time bank is neighbours helping neighbours.</summary>
    public const double MaxMetres = 10_000;

    /// <summary>The inner edges of the bands after the first, in metres.</summary>
    public static IReadOnlyList<double> Edges { get; } = [1_000, 3_000, 5_000];

    /// <summary>"under 1 km", "1–3 km", "3–5 km", "over 5 km".</summary>
    public static string Label(DistanceBand band) => band switch
    {
        DistanceBand.UnderOneKm => "under 1 km",
        DistanceBand.OneToThreeKm => "1–3 km",
        DistanceBand.ThreeToFiveKm => "3–5 km",
        _ => "over 5 km",
    };

    /// <summary>The band a distance falls in (for tests and checks; the query computes the same in SQL).</summary>
    public static DistanceBand Of(double metres) =>
        metres <= Edges[0] ? DistanceBand.UnderOneKm
        : metres <= Edges[1] ? DistanceBand.OneToThreeKm
        : metres <= Edges[2] ? DistanceBand.ThreeToFiveKm
        : DistanceBand.OverFiveKm;
}
