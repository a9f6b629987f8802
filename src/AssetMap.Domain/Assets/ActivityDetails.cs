namespace AssetMap.Domain.Assets;

/// <summary>The activity-only fields.</summary>
/// <param name="Provider">Who runs it.</param>
/// <param name="VenueId">The hub it meets at, when it meets at one.</param>
/// <param name="Schedule">When it meets.</param>
/// <param name="Cost">Cost per session; null when unknown, zero when free.</param>
/// <param name="Eligibility">Who can come, e.g. "Adults 18+".</param>
/// <param name="Referral">Self-referral, via a link worker, or either.</param>
/// <param name="Capacity">Places per session, when limited.</param>
public sealed record ActivityDetails(
    string Provider,
    Guid? VenueId,
    Schedule Schedule,
    Money? Cost,
    string? Eligibility,
    ReferralRoute Referral,
    int? Capacity);
