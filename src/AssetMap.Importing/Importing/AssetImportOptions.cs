using AssetMap.Domain.Assets;

namespace AssetMap.Import.Importing;

/// <summary>What the officer asked for on the command line (or the upload form).</summary>
/// <param name="Sheet">Only this sheet of a workbook.</param>
/// <param name="Kind">Every row is this kind (else a Type column, else the sheet name decides).</param>
/// <param name="MappingPath">A JSON file mapping headers to fields.</param>
/// <param name="DryRun">Validate and report, write nothing.</param>
/// <param name="Strict">All or nothing: any rejected row rolls the whole file back.</param>
/// <param name="ArchiveMissing">Archive records from this file that it no longer lists.</param>
/// <param name="Progress">Told the rows applied so far after each batch (the upload's status page shows it).</param>
/// <param name="Actor">Who history names for this import: the uploading editor, or the CLI's operator (<c>--actor</c>, else <c>$USER</c>).</param>
public sealed record AssetImportOptions(
    string? Sheet = null,
    AssetKind? Kind = null,
    string? MappingPath = null,
    bool DryRun = false,
    bool Strict = false,
    bool ArchiveMissing = false,
    string? Actor = null,
    IProgress<ImportProgress>? Progress = null);

/// <summary>How far an import has got.</summary>
/// <param name="RowsDone">Rows applied (or rejected) so far.</param>
/// <param name="RowsTotal">Rows in the file's readable tables.</param>
public sealed record ImportProgress(int RowsDone, int RowsTotal);
