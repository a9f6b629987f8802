using AssetMap.Import.Seeding;
using AssetMap.SearchBenchmark.Generation;

namespace AssetMap.SearchBenchmark;

/// <summary>Entry point: load (or reuse) the benchmark database, then run the mix. See <see cref="BenchmarkOptions.Usage"/>.</summary>
internal static class BenchmarkMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var seed = SampleDataLoader.FindSampleDirectory(Environment.CurrentDirectory);
        if (seed is null)
        {
            Console.Error.WriteLine("Run from the repository: the benchmark reads seed-data/categories.csv.");
            return 2;
        }

        var database = await new BenchDatabase(options.Connection!, seed, Console.Out).EnsureAsync(options.Entries, options.Regenerate, cancel.Token);
        if (options.GenerateOnly)
        {
            return 0;
        }

        return await new SearchBenchmarkRun(options, database, Path.GetDirectoryName(seed)!, Console.Out).RunAsync(cancel.Token);
    }
}
