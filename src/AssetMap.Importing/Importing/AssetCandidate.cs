using AssetMap.Domain.Assets;
using AssetMap.Domain.Taxonomy;

namespace AssetMap.Import.Importing;

/// <summary>A row that passed every check, ready to create or update an asset.</summary>
internal sealed record AssetCandidate(
    RowContext Row,
    AssetKind Kind,
    string? Ref,
    string MatchKey,
    AssetProfile Profile,
    IReadOnlyList<Category> Categories,
    OpeningHours? OpeningHours,
    IReadOnlyList<string> Facilities,
    MicroEnterpriseDetails? Enterprise,
    ActivityDraft? Activity);

/// <summary>An activity's fields before its venue reference is resolved to a hub id.</summary>
internal sealed record ActivityDraft(
    string Provider, string? VenueRef, Schedule Schedule, Money? Cost, string? Eligibility, ReferralRoute Referral, int? Capacity);
