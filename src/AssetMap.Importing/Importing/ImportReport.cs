using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssetMap.Import.Importing;

/// <summary>How serious a problem is: an error rejects the row; a warning keeps it.</summary>
public enum ProblemSeverity
{
    /// <summary>The row was rejected (and written to the rejects file).</summary>
    Error,

    /// <summary>The row was used, but something in it needs a look.</summary>
    Warning,
}

/// <summary>One thing the importer could not use, named the way a data officer finds it in the spreadsheet.</summary>
/// <param name="Severity">Error (row rejected) or warning (row kept).</param>
/// <param name="Sheet">The sheet, for workbooks.</param>
/// <param name="Row">The row number as the spreadsheet shows it.</param>
/// <param name="Column">The column header as written in the file.</param>
/// <param name="Value">The value found, as text.</param>
/// <param name="Reason">What is wrong, in plain English.</param>
public sealed record ImportProblem(ProblemSeverity Severity, string? Sheet, int Row, string? Column, string? Value, string Reason);

/// <summary>How many records each outcome had.</summary>
/// <param name="Created">New records.</param>
/// <param name="Updated">Existing records that changed.</param>
/// <param name="Unchanged">Existing records the file repeats exactly.</param>
/// <param name="Archived">Records from the same source missing from the file, archived (--archive-missing).</param>
/// <param name="Rejected">Rows not imported.</param>
/// <param name="Warnings">Warnings on rows that were imported.</param>
public sealed record ImportCounts(int Created, int Updated, int Unchanged, int Archived, int Rejected, int Warnings);

/// <summary>
/// The outcome of importing one file: the counts and every problem with sheet, row, column, value and reason. The
/// CLI prints it as a table and writes it as JSON (--report); the upload endpoint will return the same type.
/// </summary>
/// <param name="File">The file name.</param>
/// <param name="Applied">False for --dry-run, and when --strict rolled everything back.</param>
/// <param name="Counts">Outcome counts.</param>
/// <param name="Problems">Every error and warning, in file order.</param>
/// <param name="MissingFromFile">References of records from the same source that the file no longer lists.</param>
public sealed record ImportReport(
    string File, bool Applied, ImportCounts Counts, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> MissingFromFile)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>True when any row was rejected: the CLI then exits non-zero.</summary>
    public bool HasRejections => Counts.Rejected > 0;

    /// <summary>The report as indented JSON (camelCase, severities as text).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
