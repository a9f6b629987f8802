using System.Collections.Concurrent;
using System.Diagnostics;

namespace AssetMap.SearchBenchmark.Load;

/// <summary>What one step measured: every request's latency, and the failures by reason.</summary>
internal sealed record StepResult(int Clients, TimeSpan Elapsed, long[] LatencyTicks, IReadOnlyDictionary<string, int> Errors)
{
    /// <summary>Successful requests per second: a fast failure must not look like throughput.</summary>
    public double Throughput => LatencyTicks.Length / Elapsed.TotalSeconds;

    public int ErrorCount => Errors.Values.Sum();

    /// <summary>The <paramref name="p"/>-th percentile in ms (nearest rank over successful requests), NaN when none.</summary>
    public double Percentile(double p)
    {
        if (LatencyTicks.Length == 0)
        {
            return double.NaN;
        }

        var rank = Math.Clamp((int)Math.Ceiling(p / 100 * LatencyTicks.Length) - 1, 0, LatencyTicks.Length - 1);
        return LatencyTicks[rank] * 1000d / Stopwatch.Frequency;
    }
}

/// <summary>
/// A closed loop: <c>clients</c> workers each send a request, wait for the answer, and send the next, until the step's
/// time is up; requests in flight then finish and count. Latency is per request, so percentiles are per shape; a closed
/// loop cannot overload the server, so latencies at 32 clients include queueing for the 2 cores, as a user's would.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Runs <paramref name="send"/> (null on success, else the failure's reason) for <paramref name="duration"/>.</summary>
    public static async Task<StepResult> RunAsync(int clients, TimeSpan duration, Func<int, CancellationToken, Task<string?>> send, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<long[]>();
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await send(client, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failure = e is TaskCanceledException or TimeoutException ? "client timeout" : e.GetType().Name;
                }

                if (failure is null)
                {
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
                else
                {
                    errors.AddOrUpdate(failure, 1, (_, n) => n + 1);
                }
            }

            latencies.Add([.. mine]);
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new StepResult(clients, clock.Elapsed, all, errors);
    }
}
