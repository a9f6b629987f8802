namespace AssetMap.Domain.Assets;

/// <summary>Where a record came from, for the audit trail: which file, sheet and row, and the CVS's own reference.</summary>
/// <param name="ExternalRef">The reference in the CVS spreadsheet (e.g. "HUB-001"), when it has one.</param>
/// <param name="File">The file name the record was imported from.</param>
/// <param name="Sheet">The sheet, for workbooks.</param>
/// <param name="Row">The 1-based row number in that file or sheet.</param>
public sealed record AssetSource(string? ExternalRef, string? File, string? Sheet, int? Row)
{
    /// <summary>Entered by hand, not imported.</summary>
    public static AssetSource Manual { get; } = new(null, null, null, null);
}
