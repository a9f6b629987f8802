using AssetMap.Import.Importing;

namespace AssetMap.Api.Features.Uploads;

/// <summary>Where an upload's import stands.</summary>
public enum ImportJobStatus
{
    /// <summary>Accepted, not started.</summary>
    Queued,

    /// <summary>Reading and applying rows.</summary>
    Running,

    /// <summary>Finished: the report is ready.</summary>
    Done,

    /// <summary>The file could not be read at all (the error says why).</summary>
    Failed,
}

/// <summary>
/// One run of the importer over an uploaded file: a dry run (the default) or the apply that follows it. Held in memory
/// by <see cref="ImportJobs"/>; the report is the importer's own <see cref="ImportReport"/>.
/// </summary>
internal sealed class ImportJob(Guid id, string file, string path, bool dryRun, string actor, DateTimeOffset createdAt, Guid? dryRunOf)
{
    private readonly Lock _gate = new();

    public Guid Id { get; } = id;

    /// <summary>The uploaded file's name as recorded in history and on the records' source.</summary>
    public string File { get; } = file;

    /// <summary>The stored copy the importer reads.</summary>
    public string Path { get; } = path;

    public bool DryRun { get; } = dryRun;

    public string Actor { get; } = actor;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>For an apply, the dry run it applies.</summary>
    public Guid? DryRunOf { get; } = dryRunOf;

    /// <summary>For a dry run that was applied, the apply job.</summary>
    public Guid? AppliedBy { get; set; }

    public ImportJobStatus Status { get; private set; } = ImportJobStatus.Queued;

    public ImportProgress Progress { get; private set; } = new(0, 0);

    public ImportReport? Report { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The rejects file the importer wrote beside the stored copy (an apply with rejected rows).</summary>
    public string RejectsPath => AssetImporter.RejectsPathFor(Path);

    public bool HasRejectsFile => !DryRun && System.IO.File.Exists(RejectsPath);

    public void Running()
    {
        lock (_gate)
        {
            Status = ImportJobStatus.Running;
        }
    }

    public void Advance(ImportProgress progress)
    {
        lock (_gate)
        {
            Progress = progress;
        }
    }

    public void Finished(ImportReport report, DateTimeOffset at)
    {
        lock (_gate)
        {
            Report = report;
            Status = ImportJobStatus.Done;
            FinishedAt = at;
        }
    }

    public void Failed(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            Error = error;
            Status = ImportJobStatus.Failed;
            FinishedAt = at;
        }
    }
}
