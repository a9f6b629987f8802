using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Freshness;

/// <summary>
/// The <c>Freshness</c> section: how often each kind of entry should be re-checked, and what happens to entries nobody
/// re-checks. An entry is <em>overdue</em> once its review interval has passed since <c>last_verified_at</c> (an entry
/// never verified counts from when it was created); overdue entries rank below fresh ones; entries overdue by more than
/// <see cref="HideAfterOverdueMonths"/> leave public search (still reachable by id, marked unverified).
/// </summary>
public sealed class FreshnessOptions
{
    public const string Section = "Freshness";

    /// <summary>Months between checks, for any kind without its own interval.</summary>
    public int ReviewIntervalMonths { get; set; } = 12;

    /// <summary>Per-kind intervals in months, e.g. <c>"Freshness:ReviewIntervalMonthsByKind:MicroEnterprise": 6</c>.</summary>
    public Dictionary<AssetKind, int> ReviewIntervalMonthsByKind { get; set; } = [];

    /// <summary>Months overdue after which an entry leaves public search; 0 keeps overdue entries in search (demoted only).</summary>
    public int HideAfterOverdueMonths { get; set; } = 12;

    /// <summary>Days before its due date that an entry counts as <em>due</em> (listed for editors, still fresh to the public).</summary>
    public int DueSoonDays { get; set; } = 30;

    /// <summary>The review interval for <paramref name="kind"/>.</summary>
    public int IntervalMonths(AssetKind kind) =>
        ReviewIntervalMonthsByKind.TryGetValue(kind, out var months) && months > 0 ? months : ReviewIntervalMonths;

    /// <summary>When an entry last checked at <paramref name="lastVerifiedAt"/> falls due.</summary>
    public DateTimeOffset DueAt(AssetKind kind, DateTimeOffset lastVerifiedAt) => lastVerifiedAt.AddMonths(IntervalMonths(kind));
}
