using System.CommandLine;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Boundaries;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Cli;

/// <summary><c>pcn-areas &lt;file&gt;</c>: replace PCN boundaries from GeoJSON or a Shapefile.</summary>
internal static class PcnAreasCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "PCN boundaries: .geojson/.json or .shp (with its .dbf and .prj)." };
        var codeProperty = new Option<string?>("--code-property") { Description = "The attribute holding the ODS code (default: code, pcn_code, ods_code…)." };
        var nameProperty = new Option<string?>("--name-property") { Description = "The attribute holding the name (default: name, pcn_name…)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report; write nothing." };
        var command = new Command("pcn-areas", "Replace PCN boundaries (all or nothing) and re-derive every asset's PCN area.")
        {
            file, codeProperty, nameProperty, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImporterHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var importer = new PcnAreaImporter(scope.ServiceProvider.GetRequiredService<AssetMapDbContext>());
            var result = await importer.ImportAsync(parse.GetValue(file)!.FullName, parse.GetValue(codeProperty), parse.GetValue(nameProperty), parse.GetValue(dryRun), ct);

            Console.WriteLine($"{result.File} (EPSG:{result.SourceSrid}): {(result.Applied ? "applied" : "nothing written")}; "
                + $"{result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged; {result.AssetsReassigned} assets changed PCN area.");
            // Row is the feature (1-based; 0 = the whole file), column the attribute.
            ReportPrinter.PrintLines(result.Problems.Concat(result.Warnings));

            if (result.MissingFromFile.Count > 0)
            {
                Console.WriteLine($"Not in this file (kept): {string.Join(", ", result.MissingFromFile)}");
            }

            return result.HasProblems ? ExitCodes.Rejected : ExitCodes.Done;
        });
        return command;
    }
}
