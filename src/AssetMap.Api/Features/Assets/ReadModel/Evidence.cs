using AssetMap.Api.Features.Evidence;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Assets.ReadModel;

/// <summary>Which piece of a micro-enterprise's evidence.</summary>
public enum EvidenceKind
{
    /// <summary>The latest DBS check (stale after <see cref="EvidenceOptions.DbsValidMonths"/>).</summary>
    DbsCheck,

    /// <summary>Public liability insurance, until its expiry date.</summary>
    PublicLiabilityInsurance,

    /// <summary>CQC registration, where regulated: re-confirmed every <see cref="EvidenceOptions.CqcValidMonths"/>.</summary>
    CqcRegistration,
}

/// <summary>How a piece of evidence stands today.</summary>
public enum EvidenceState
{
    /// <summary>In date, and not expiring within <see cref="EvidenceOptions.SoonDays"/>.</summary>
    Valid,

    /// <summary>Expires within <see cref="EvidenceOptions.SoonDays"/>.</summary>
    ExpiringSoon,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>No date recorded (for CQC: a registration id without the date it was confirmed).</summary>
    NoDate,
}

/// <summary>One piece of evidence with its date, when it expires and how it stands.</summary>
/// <param name="Kind">Which evidence.</param>
/// <param name="Date">The date the record carries: the DBS check date, the insurance expiry, the CQC check date.</param>
/// <param name="ExpiresOn">When it expires (or goes stale).</param>
/// <param name="State">Valid, expiring soon, expired, or no date.</param>
/// <param name="Reference">The CQC registration id, for CQC.</param>
internal sealed record EvidenceItem(EvidenceKind Kind, DateOnly? Date, DateOnly? ExpiresOn, EvidenceState State, string? Reference);

/// <summary>
/// Flags a micro-enterprise's evidence from the read model's dates: one rule for every surface that shows it (REST
/// detail, GraphQL, the entry page, the editors' list).
/// </summary>
internal sealed class EvidenceRules(IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private readonly EvidenceOptions _options = options.Value;

    public int SoonDays => _options.SoonDays;

    public IReadOnlyList<EvidenceItem> Of(MicroEnterpriseView enterprise) =>
        Of(enterprise.DbsCheckedOn, enterprise.InsuranceExpiresOn, enterprise.CqcRegistration, enterprise.CqcCheckedOn, _options.SoonDays);

    /// <summary>The items, with "soon" meaning within <paramref name="soonDays"/> (the editors' list asks its own window).</summary>
    public IReadOnlyList<EvidenceItem> Of(DateOnly? dbsCheckedOn, DateOnly? insuranceExpiresOn, string? cqcRegistration, DateOnly? cqcCheckedOn, int soonDays)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = new List<EvidenceItem>
        {
            Item(EvidenceKind.DbsCheck, dbsCheckedOn, dbsCheckedOn?.AddMonths(_options.DbsValidMonths), null, today, soonDays),
            Item(EvidenceKind.PublicLiabilityInsurance, insuranceExpiresOn, insuranceExpiresOn, null, today, soonDays),
        };
        if (cqcRegistration is not null)
        {
            items.Add(Item(EvidenceKind.CqcRegistration, cqcCheckedOn, cqcCheckedOn?.AddMonths(_options.CqcValidMonths), cqcRegistration, today, soonDays));
        }

        return items;
    }

    private static EvidenceItem Item(EvidenceKind kind, DateOnly? date, DateOnly? expires, string? reference, DateOnly today, int soonDays) =>
        new(kind, date, expires, expires switch
        {
            null => EvidenceState.NoDate,
            { } e when e < today => EvidenceState.Expired,
            { } e when e <= today.AddDays(soonDays) => EvidenceState.ExpiringSoon,
            _ => EvidenceState.Valid,
        }, reference);
}
