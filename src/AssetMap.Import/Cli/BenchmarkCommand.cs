using System.CommandLine;
using System.Globalization;
using AssetMap.Import.Benchmarks;
using AssetMap.Import.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Cli;

/// <summary><c>benchmark</c>: import speed and memory, next to a COPY baseline measured in the same run.</summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var assets = new Option<int>("--assets") { Description = "Asset rows to generate and import.", DefaultValueFactory = _ => 100_000 };
        var postcodes = new Option<int>("--postcodes") { Description = "Postcode rows to generate and import.", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("benchmark", "Time the asset and postcode imports against PostgreSQL COPY (uses a scratch database on the configured server).")
        {
            assets, postcodes,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImporterHost.Build();
            var connection = host.Services.GetRequiredService<IConfiguration>().GetConnectionString("AssetMap")!;
            var seed = SampleDataLoader.FindSampleDirectory(Environment.CurrentDirectory);
            if (seed is null)
            {
                await Console.Error.WriteLineAsync("Run from the repository: the benchmark loads the categories from seed-data/.");
                return ExitCodes.Failed;
            }

            var results = await new ImportBenchmark(connection, seed, Console.Out).RunAsync(parse.GetValue(assets), parse.GetValue(postcodes), ct);
            Console.WriteLine();
            Console.WriteLine($"{"phase",-46} {"rows",10} {"seconds",8} {"rows/s",10} {"peak MiB",9} {"× COPY time",11}");
            for (var i = 0; i < results.Count; i++)
            {
                var r = results[i];
                // Each import is compared with the COPY of its own rows ("assets: …" with "assets: COPY …").
                var group = r.Phase[..(r.Phase.IndexOf(':', StringComparison.Ordinal) + 1)];
                var baseline = results.First(b => b.Phase.StartsWith(group, StringComparison.Ordinal));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Phase,-46} {r.Rows,10:N0} {r.Elapsed.TotalSeconds,8:F1} {r.RowsPerSecond,10:N0} {r.PeakMegabytes,9:F0} {r.Elapsed / baseline.Elapsed,11:F1}"));
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
