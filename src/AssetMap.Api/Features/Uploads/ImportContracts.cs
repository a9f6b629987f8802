using AssetMap.Import.Importing;

namespace AssetMap.Api.Features.Uploads;

/// <summary>An upload's import: poll it until status is done or failed.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="File">The file, as history and the records' source name it (the upload's name with its sniffed extension).</param>
/// <param name="DryRun">True for the check that comes first (nothing written); false for the apply.</param>
/// <param name="Status">queued, running, done or failed.</param>
/// <param name="Actor">The editor who uploaded (or applied) it: history names them.</param>
/// <param name="CreatedAt">When the job was accepted.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Progress">Rows applied so far of the rows in the file.</param>
/// <param name="Report">When done: counts and every problem with sheet, row, column, value and reason.</param>
/// <param name="Error">When failed: why the file could not be read.</param>
/// <param name="Links">Where to poll, apply, and download the rejects file.</param>
public sealed record ImportJobResponse(
    Guid Id, string File, bool DryRun, ImportJobStatus Status, string Actor, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    ImportProgress Progress, ImportReport? Report, string? Error, ImportJobLinks Links);

/// <summary>Links for an import job.</summary>
/// <param name="Self">Poll here.</param>
/// <param name="Apply">POST here to apply a finished dry run (absent once applied, and for an apply).</param>
/// <param name="Rejects">The rejected rows as a spreadsheet to fix and upload again (an apply that rejected rows).</param>
/// <param name="AppliedBy">The apply job of a dry run that was applied.</param>
public sealed record ImportJobLinks(string Self, string? Apply, string? Rejects, string? AppliedBy);

internal static class ImportJobMapping
{
    public static ImportJobResponse ToResponse(this ImportJob job)
    {
        var self = $"/api/v1/imports/{job.Id}";
        return new ImportJobResponse(job.Id, job.File, job.DryRun, job.Status, job.Actor, job.CreatedAt, job.FinishedAt, job.Progress,
            job.Report, job.Error, new ImportJobLinks(
                self,
                job is { DryRun: true, Status: ImportJobStatus.Done, AppliedBy: null } ? self + "/apply" : null,
                job.HasRejectsFile ? self + "/rejects" : null,
                job.AppliedBy is { } applied ? $"/api/v1/imports/{applied}" : null));
    }
}
