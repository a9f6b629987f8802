using System.CommandLine;
using AssetMap.Domain.Assets;
using AssetMap.Import.Importing;
using AssetMap.Import.Readers;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Cli;

/// <summary><c>assets &lt;file&gt;</c>: import a CVS spreadsheet (XLSX or CSV) of hubs, micro-enterprises and activities.</summary>
internal static class AssetsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The spreadsheet: .xlsx or .csv." };
        var sheet = new Option<string?>("--sheet") { Description = "Only this sheet of a workbook (default: every sheet with a recognisable header)." };
        var kind = new Option<string?>("--kind") { Description = "Every row is this kind: hub, micro-enterprise or activity (default: a Type column, else the sheet name)." };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "JSON mapping headers to fields: { \"columns\": { \"Our header\": \"name\" } }." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report; write nothing." };
        var strict = new Option<bool>("--strict") { Description = "All or nothing: any rejected row rolls the whole file back." };
        var archiveMissing = new Option<bool>("--archive-missing") { Description = "Archive (never delete) records from this file that it no longer lists." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the report as JSON to this file." };
        var actor = new Option<string?>("--actor") { Description = "Who the history entries name as making the changes (default: $USER)." };
        var command = new Command("assets", "Import hubs, micro-enterprises and activities from a CVS spreadsheet.")
        {
            file, sheet, kind, mapping, dryRun, strict, archiveMissing, report, actor,
        };
        command.SetAction(async (parse, ct) =>
        {
            var kindText = parse.GetValue(kind);
            AssetKind? parsedKind = kindText is null ? null : AssetRowMapper.ParseKind(kindText);
            if (kindText is not null && parsedKind is null)
            {
                await Console.Error.WriteLineAsync($"--kind '{kindText}' is not hub, micro-enterprise or activity.");
                return ExitCodes.Failed;
            }

            var options = new AssetImportOptions(parse.GetValue(sheet), parsedKind, parse.GetValue(mapping)?.FullName,
                parse.GetValue(dryRun), parse.GetValue(strict), parse.GetValue(archiveMissing), parse.GetValue(actor));
            using var host = ImporterHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            ImportReport result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<AssetImporter>().ImportAsync(parse.GetValue(file)!.FullName, options, ct);
            }
            catch (Exception e) when (e is SpreadsheetException or FileNotFoundException or InvalidDataException or System.Text.Json.JsonException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failed;
            }

            ReportPrinter.Print(result, options.DryRun);
            if (parse.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(reportFile.FullName, result.ToJson(), ct);
            }

            if (result.HasRejections && !options.DryRun)
            {
                Console.WriteLine($"Rejected rows were written to {AssetImporter.RejectsPathFor(parse.GetValue(file)!.FullName)}: fix them there and import that file.");
            }

            return result.HasRejections ? ExitCodes.Rejected : ExitCodes.Done;
        });
        return command;
    }
}
