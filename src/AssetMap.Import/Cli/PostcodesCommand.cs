using System.CommandLine;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Geodata;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AssetMap.Import.Cli;

/// <summary><c>postcodes &lt;file&gt;</c>: load the ONS Postcode Directory or OS Code-Point Open (CSV or zip).</summary>
internal static class PostcodesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "ONSPD CSV, Code-Point Open CSV, or a zip of either." };
        var command = new Command("postcodes", "Load a postcode directory (streamed with PostgreSQL COPY; a national file is fine).") { file };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImporterHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var importer = new PostcodeImporter(scope.ServiceProvider.GetRequiredService<AssetMapDbContext>());
            var path = parse.GetValue(file)!.FullName;
            PostcodeImportResult result;
            try
            {
                result = Console.IsOutputRedirected
                    ? await importer.ImportAsync(path, new Progress<long>(rows => Console.WriteLine($"{rows:N0} rows read")), ct)
                    : await AnsiConsole.Progress().Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                        .StartAsync(async progress =>
                        {
                            var task = progress.AddTask("Reading postcodes").IsIndeterminate();
                            var imported = await importer.ImportAsync(path, new Progress<long>(rows => task.Description = $"{rows:N0} rows read"), ct);
                            task.StopTask();
                            return imported;
                        });
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or IOException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failed;
            }

            Console.WriteLine($"{result.File} ({result.Format}): {result.RowsRead:N0} rows read; {result.Inserted:N0} new, {result.Updated:N0} moved, "
                + $"{result.Unchanged:N0} unchanged, {result.Duplicates:N0} duplicates, {result.Skipped:N0} skipped.");
            foreach (var (reason, count) in result.SkippedByReason)
            {
                Console.WriteLine($"  skipped {count:N0}: {reason}");
            }

            ReportPrinter.PrintLines(result.SkippedExamples);

            // Rows without coordinates are normal in ONSPD (terminated or unlocated postcodes); anything else is a rejection.
            return result.SkippedByReason.Keys.Any(reason => reason != SkipReasons.NoCoordinates) ? ExitCodes.Rejected : ExitCodes.Done;
        });
        return command;
    }
}
