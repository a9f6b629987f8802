using System.Collections.Concurrent;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Importing;
using AssetMap.Import.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Uploads;

/// <summary>What starting an upload's import came to.</summary>
internal enum UploadRefusal
{
    None,
    TooLarge,
    NotASpreadsheet,
    Busy,
    NotFound,
    NotADryRun,
}

/// <summary>
/// Uploaded imports, run in the background one at a time: the request stores the file, sniffs it, and answers at once
/// with a job to poll; the importer then runs in its own scope. One at a time twice over: this process runs one job at a
/// time, and the importer's database lock is checked first so a CLI import running elsewhere answers 409 instead of a
/// long wait. Jobs live in memory (a restart forgets them; the records and their history are in the database).
/// </summary>
internal sealed partial class ImportJobs(
    IServiceScopeFactory scopes, IOptions<ImportUploadOptions> options, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private int _running;

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Stores <paramref name="content"/>, checks it, and starts a dry run (or an apply) of it.</summary>
    public async Task<(ImportJob? Job, UploadRefusal Refusal)> StartAsync(
        Stream content, string fileName, bool dryRun, string actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var folder = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(WorkDirectory(), id.ToString("N"))).FullName;
        var stored = System.IO.Path.Combine(folder, "upload");
        if (!await CopyWithinLimitAsync(content, stored, ct))
        {
            System.IO.Directory.Delete(folder, recursive: true);
            return (null, UploadRefusal.TooLarge);
        }

        var format = SpreadsheetSniffer.Sniff(stored);
        if (format == SpreadsheetFormat.Unknown)
        {
            System.IO.Directory.Delete(folder, recursive: true);
            return (null, UploadRefusal.NotASpreadsheet);
        }

        // The importer reads by extension: the sniffed one, never the name's. The name's stem is kept, so history and
        // the records' source say the file the officer knows (and a re-upload matches the same source).
        var name = SafeStem(fileName) + (format == SpreadsheetFormat.Xlsx ? ".xlsx" : ".csv");
        var path = System.IO.Path.Combine(folder, name);
        File.Move(stored, path);
        var job = new ImportJob(id, name, path, dryRun, actor, clock.GetUtcNow(), null);
        return await RunAsync(job, ct) ? (job, UploadRefusal.None) : (null, UploadRefusal.Busy);
    }

    /// <summary>Applies a finished dry run's file.</summary>
    public async Task<(ImportJob? Job, UploadRefusal Refusal)> ApplyAsync(Guid dryRunId, string actor, CancellationToken ct)
    {
        if (Find(dryRunId) is not { } dry)
        {
            return (null, UploadRefusal.NotFound);
        }

        if (!dry.DryRun || dry.Status != ImportJobStatus.Done || dry.AppliedBy is not null)
        {
            return (null, UploadRefusal.NotADryRun);
        }

        var job = new ImportJob(Guid.CreateVersion7(), dry.File, dry.Path, dryRun: false, actor, clock.GetUtcNow(), dry.Id);
        if (!await RunAsync(job, ct))
        {
            return (null, UploadRefusal.Busy);
        }

        dry.AppliedBy = job.Id;
        return (job, UploadRefusal.None);
    }

    private async Task<bool> RunAsync(ImportJob job, CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (await AssetImporter.IsRunningAsync(scope.ServiceProvider.GetRequiredService<AssetMapDbContext>(), ct))
                {
                    Volatile.Write(ref _running, 0);
                    return false;
                }
            }
        }
        catch
        {
            Volatile.Write(ref _running, 0);
            throw;
        }

        _jobs[job.Id] = job;
        // The import outlives the request that started it: it runs on the thread pool with its own scope and no request token.
        _ = Task.Run(() => ExecuteAsync(job), CancellationToken.None);
        return true;
    }

    private async Task ExecuteAsync(ImportJob job)
    {
        try
        {
            job.Running();
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<AssetImporter>();
            var options = new AssetImportOptions(DryRun: job.DryRun, Actor: job.Actor, Progress: new Progress(job));
            // The API's context retries reads on transient faults, which allows a transaction only inside the strategy:
            // a retry runs the whole file again (its one transaction was rolled back; the import is idempotent).
            var strategy = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>().Database.CreateExecutionStrategy();
            var report = await strategy.ExecuteAsync(() => importer.ImportAsync(job.Path, options, CancellationToken.None));
            job.Finished(report, clock.GetUtcNow());
        }
        catch (Exception e) when (e is SpreadsheetException or InvalidDataException)
        {
            job.Failed(e.Message, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            LogImportFailed(logger, e, job.Id);
            job.Failed("The import stopped on an unexpected error; nothing was applied. The server log has the details.", clock.GetUtcNow());
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task<bool> CopyWithinLimitAsync(Stream content, string path, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        var buffer = new byte[81920];
        long total = 0;
        await using var file = File.Create(path);
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return true;
    }

    private string WorkDirectory() =>
        options.Value.WorkDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "assetmap-imports");

    // The name's stem in letters, digits, spaces, dots, hyphens and underscores only: it becomes a path and a history line.
    private static string SafeStem(string fileName)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.GetFileName(fileName.Replace('\\', '/')));
        var safe = new string([.. stem.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').Take(100)]).Trim(' ', '.');
        return safe.Length == 0 ? "upload" : safe;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, Guid jobId);

    private sealed class Progress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Advance(value);
    }
}
