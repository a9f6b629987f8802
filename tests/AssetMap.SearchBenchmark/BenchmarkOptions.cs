using System.Globalization;

namespace AssetMap.SearchBenchmark;

/// <summary>Command-line options (see <see cref="Usage"/>).</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage =
        """
        AssetMap search benchmark: generate N entries, then load the same search mix as direct SQL, REST and GraphQL.
        Options:
          --connection CS      PostgreSQL server (any database on it; the benchmark uses its own assetmap_bench_<N>).
                               Default: ASSETMAP_BENCH_POSTGRES.
          --entries N          Entries to generate (default 1000000; 10000 with --quick).
          --quick              10,000 entries, 1 and 8 clients, steps short enough for about 3 minutes in all: proves
                               the benchmark works (./test.sh runs it), on a machine busy with other work too.
          --step-seconds S     Seconds of load per shape, surface and client count (default 10; --quick: fits ~3 min).
          --clients LIST       Closed-loop client counts (default 1,8,32; --quick: 1,8).
          --time-budget S      Give the API's request budget, its statement timeout and the SQL replay S seconds instead
                               of production's 5 s / 3 s (--quick: 60, so a busy machine cannot fail the proof run).
          --regenerate         Load the database again even when it already holds N entries.
          --generate-only      Load (or reuse) the database, then stop.
          --out FILE           Markdown table file (default docs/benchmarks/search-<N>.md).
          --api-dll PATH       The built AssetMap.Api.dll (default: src/AssetMap.Api/bin/Release/net10.0/).
        """;

    public string? Connection { get; init; } = Environment.GetEnvironmentVariable("ASSETMAP_BENCH_POSTGRES");

    public int Entries { get; init; } = 1_000_000;

    public bool Quick { get; init; }

    public double? StepSeconds { get; init; }

    public IReadOnlyList<int> Clients { get; init; } = [];

    /// <summary>Seconds for the API's request budget and statement timeout (and the replay's); null keeps production's.</summary>
    public int? TimeBudgetSeconds { get; init; }

    public bool Regenerate { get; init; }

    public bool GenerateOnly { get; init; }

    public string? Out { get; init; }

    public string? ApiDll { get; init; }

    /// <summary>Parses the arguments; null (and a message on stderr) when they make no sense.</summary>
    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        int? entries = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--connection": options = options with { Connection = Next() }; break;
                    case "--entries": entries = int.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture); break;
                    case "--quick": options = options with { Quick = true }; break;
                    case "--step-seconds": options = options with { StepSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                    case "--clients": options = options with { Clients = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] }; break;
                    case "--time-budget": options = options with { TimeBudgetSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                    case "--regenerate": options = options with { Regenerate = true }; break;
                    case "--generate-only": options = options with { GenerateOnly = true }; break;
                    case "--out": options = options with { Out = Next() }; break;
                    case "--api-dll": options = options with { ApiDll = Next() }; break;
                    case "-h" or "--help": Console.WriteLine(Usage); return null;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"{e.Message}\n\n{Usage}");
                return null;
            }
        }

        options = options with
        {
            Entries = entries ?? (options.Quick ? 10_000 : 1_000_000),
            Clients = options.Clients.Count > 0 ? options.Clients : options.Quick ? [1, 8] : [1, 8, 32],
            TimeBudgetSeconds = options.TimeBudgetSeconds ?? (options.Quick ? 60 : null),
        };
        if (string.IsNullOrWhiteSpace(options.Connection) || options.Entries < 1_000 || options.Clients.Any(c => c < 1)
            || options.StepSeconds is <= 0 || options.TimeBudgetSeconds is <= 0)
        {
            Console.Error.WriteLine($"Give --connection (or ASSETMAP_BENCH_POSTGRES), at least 1000 entries, positive client counts and step seconds.\n\n{Usage}");
            return null;
        }

        return options;
    }
}
