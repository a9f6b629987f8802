using AssetMap.Import.Importing;

namespace AssetMap.Import.Boundaries;

/// <summary>
/// A boundary file's problems in the importer's one problem shape (<see cref="ImportProblem"/>, as for spreadsheets
/// and postcodes): the row is the feature, counting from 1 in file order (0 = the whole file); the column names the
/// attribute (or <c>geometry</c>, <c>crs</c>, <c>file</c>).
/// </summary>
internal static class BoundaryProblem
{
    public static ImportProblem Error(int feature, string property, string reason) =>
        new(ProblemSeverity.Error, null, feature, property, null, reason);

    public static ImportProblem Warning(string reason) => new(ProblemSeverity.Warning, null, 0, null, null, reason);
}

/// <summary>
/// The outcome of importing one PCN boundary file. When <see cref="Problems"/> is non-empty nothing was written:
/// a partial boundary set would misassign assets.
/// </summary>
/// <param name="File">The file name.</param>
/// <param name="SourceSrid">The CRS the coordinates were read in: 4326 (WGS84) or 27700 (British National Grid).</param>
/// <param name="Created">PCN areas new to the database.</param>
/// <param name="Updated">Existing PCN areas whose name, locality or boundary changed.</param>
/// <param name="Unchanged">Existing PCN areas the file repeats exactly.</param>
/// <param name="Problems">Every rejected feature, with the reason; empty when the file was accepted.</param>
/// <param name="Warnings">Things that were fixed up on the way (assumed CRS, repaired geometry).</param>
/// <param name="MissingFromFile">Codes in the database that the file does not list; they are kept, not deleted.</param>
/// <param name="AssetsReassigned">Assets whose PCN area changed because of the new boundaries.</param>
/// <param name="Applied">False for a dry run and for a rejected file.</param>
internal sealed record BoundaryImportResult(
    string File,
    int SourceSrid,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportProblem> Warnings,
    IReadOnlyList<string> MissingFromFile,
    int AssetsReassigned,
    bool Applied)
{
    /// <summary>True when the file was rejected: the CLI then exits non-zero.</summary>
    public bool HasProblems => Problems.Count > 0;

    public static BoundaryImportResult Rejected(string file, int sourceSrid, IReadOnlyList<ImportProblem> problems, IReadOnlyList<ImportProblem> warnings) =>
        new(file, sourceSrid, 0, 0, 0, problems, warnings, [], 0, false);
}
