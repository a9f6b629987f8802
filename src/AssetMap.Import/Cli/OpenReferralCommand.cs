using System.CommandLine;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Importing;
using AssetMap.Import.OpenReferral;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Cli;

/// <summary><c>openreferral &lt;base-url | folder&gt;</c>: read another directory's Open Referral UK feed into the map.</summary>
internal static class OpenReferralCommand
{
    public static Command Create()
    {
        var feed = new Argument<string>("feed") { Description = "The feed's base URL (e.g. https://example.org/openreferral/v3) or a folder of its JSON." };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "JSON mapping the feed's taxonomy terms to our category slugs and kinds (see README)." };
        var archiveMissing = new Option<bool>("--archive-missing") { Description = "Archive (never delete) records read from this feed that it no longer lists." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the report as JSON to this file." };
        var command = new Command("openreferral", "Read an Open Referral UK (3.0, or 1.0) feed's services into hubs, micro-enterprises and activities.")
        {
            feed, mapping, archiveMissing, report,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImporterHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            ImportReport result;
            try
            {
                var rules = parse.GetValue(mapping) is { } file ? await OrukReadMapping.ReadAsync(file.FullName, ct) : OrukReadMapping.None;
                var source = new OrukFeedSource(parse.GetValue(feed)!, http);
                result = await new OrukFeedImporter(scope.ServiceProvider.GetRequiredService<AssetMapDbContext>())
                    .ImportAsync(source, rules, parse.GetValue(archiveMissing), ct);
            }
            catch (Exception e) when (e is HttpRequestException or FileNotFoundException or System.Text.Json.JsonException or KeyNotFoundException or UriFormatException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failed;
            }

            ReportPrinter.Print(result, dryRun: false);
            if (parse.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(reportFile.FullName, result.ToJson(), ct);
            }

            return result.HasRejections ? ExitCodes.Rejected : ExitCodes.Done;
        });
        return command;
    }
}
