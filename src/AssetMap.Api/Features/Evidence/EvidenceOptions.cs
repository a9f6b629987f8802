namespace AssetMap.Api.Features.Evidence;

/// <summary>
/// The <c>Evidence</c> section: when a micro-enterprise's evidence (DBS check, public liability insurance, CQC
/// registration) counts as expiring soon or expired.
/// </summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Evidence that expires within this many days is flagged as expiring soon.</summary>
    public int SoonDays { get; set; } = 30;

    /// <summary>A DBS check has no expiry of its own: it is considered stale this many months after its date.</summary>
    public int DbsValidMonths { get; set; } = 36;

    /// <summary>A CQC registration is re-confirmed on the CQC register at least this often (months after its check date).</summary>
    public int CqcValidMonths { get; set; } = 12;
}
