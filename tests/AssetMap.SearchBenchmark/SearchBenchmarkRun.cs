using System.Globalization;
using System.Net;
using System.Text;
using AssetMap.SearchBenchmark.Load;
using AssetMap.SearchBenchmark.Report;
using AssetMap.SearchBenchmark.Workload;
using Npgsql;

namespace AssetMap.SearchBenchmark;

/// <summary>
/// One run: capture each shape's SQL, then load direct SQL, REST and GraphQL in turn with the same closed loop at each
/// client count, and print the side-by-side table. Any failed request makes the exit status 1.
/// </summary>
internal sealed class SearchBenchmarkRun(BenchmarkOptions options, string database, string repository, TextWriter log)
{
    // --quick aims at about three minutes in all: the step length follows from the number of steps.
    private const double QuickBudgetSeconds = 100;
    private const int WarmUpClients = 4;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var loadBefore = MachineInfo.LoadAverage;
        MachineInfo.PostgresVersion = await PostgresVersionAsync(ct);
        var shapes = await SearchMix.BuildAsync(database, options.Entries, ct);
        var steps = shapes.Sum(s => 2 + (s.GraphQL is null ? 0 : 1)) * options.Clients.Count;
        var stepSeconds = options.StepSeconds ?? (options.Quick ? Math.Min(10, Math.Round(QuickBudgetSeconds / steps, 2)) : 10);
        var stepNote = options.Quick && options.StepSeconds is null && stepSeconds < 10
            ? string.Create(CultureInfo.InvariantCulture, $"Quick mode: {steps} steps, so {stepSeconds:0.##} s per step instead of 10 s (10 s would take {steps * 10 / 60} min).")
            : string.Create(CultureInfo.InvariantCulture, $"{steps} steps of {stepSeconds:0.##} s.");
        if (options.TimeBudgetSeconds is { } budget)
        {
            stepNote += string.Create(CultureInfo.InvariantCulture, $" Request budget and statement timeout raised to {budget} s (production: 5 s / 3 s).");
        }

        log.WriteLine($"{shapes.Count} shapes × surfaces × clients {string.Join('/', options.Clients)}: {stepNote} Capturing the API's SQL…");

        var table = new ResultTable();
        var failures = new List<string>();
        var step = TimeSpan.FromSeconds(stepSeconds);
        // The whole mix for a while first, so the measured steps run on tier-1 JIT code and warm pools and caches.
        var warmUp = TimeSpan.FromSeconds(Math.Clamp(stepSeconds * 3, 5, 30));

        await using (var capture = new SqlCapture(database, repository) { ReplayTimeoutSeconds = options.TimeBudgetSeconds ?? 3 })
        {
            await capture.CaptureAsync(shapes, log, ct);
            failures.AddRange(shapes.Where(s => s.Sql.Count == 0).Select(s => $"capture of '{s.Name}' saw no SQL"));
            log.WriteLine("Direct SQL (the API's own commands, replayed on the API's own DbContext connections)…");
            await SqlWarmUpAsync(capture, shapes, warmUp, ct);
            foreach (var shape in shapes)
            {
                foreach (var clients in options.Clients)
                {
                    table.Add(shape, Surface.Sql, await SqlStepAsync(capture, shape, clients, step, ct));
                }

                Progress(Surface.Sql, shape, table);
            }
        }

        var apiDll = options.ApiDll ?? Path.Combine(repository, "src", "AssetMap.Api", "bin", "Release", "net10.0", "AssetMap.Api.dll");
        var apiLog = Path.Combine(Path.GetTempPath(), $"assetmap-bench-api-{Environment.ProcessId}.log");
        double restPeak, graphQLPeak, warmRss, endRss, highWater;
        await using (var api = await ApiProcess.StartAsync(apiDll, database, apiLog, options.TimeBudgetSeconds, ct))
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1_000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = api.Url,
                Timeout = TimeSpan.FromSeconds(30 + (options.TimeBudgetSeconds ?? 0)),
            };
            log.WriteLine($"API process {api.Pid} at {api.Url} (log {apiLog}); warming up for {warmUp.TotalSeconds:0} s…");
            var both = shapes.Select(s => (Shape: s, GraphQL: false)).Concat(shapes.Where(s => s.GraphQL is not null).Select(s => (Shape: s, GraphQL: true))).ToList();
            await WarmUpAsync(both.Count, warmUp, (i, token) => both[i].GraphQL ? SendGraphQLAsync(http, both[i].Shape, token) : SendRestAsync(http, both[i].Shape, token), ct);

            warmRss = api.RssMb;
            api.ResetPeak();
            log.WriteLine("REST on loopback…");
            foreach (var shape in shapes)
            {
                foreach (var clients in options.Clients)
                {
                    table.Add(shape, Surface.Rest, await ClosedLoop.RunAsync(clients, step, (_, token) => SendRestAsync(http, shape, token), ct));
                }

                Progress(Surface.Rest, shape, table);
            }

            restPeak = api.PeakRssMb;
            api.ResetPeak();
            log.WriteLine("GraphQL on loopback…");
            foreach (var shape in shapes.Where(s => s.GraphQL is not null))
            {
                foreach (var clients in options.Clients)
                {
                    table.Add(shape, Surface.GraphQL, await ClosedLoop.RunAsync(clients, step, (_, token) => SendGraphQLAsync(http, shape, token), ct));
                }

                Progress(Surface.GraphQL, shape, table);
            }

            graphQLPeak = api.PeakRssMb;
            endRss = api.RssMb;
            highWater = api.HighWaterMb;
        }

        var header = string.Create(CultureInfo.InvariantCulture,
            $"""
            ### Search benchmark: {options.Entries:N0} entries{(options.Quick ? " (quick mode)" : "")}

            {started:yyyy-MM-dd HH:mm} UTC · {MachineInfo.Describe()} · load average before {loadBefore}, after {MachineInfo.LoadAverage} · {stepNote} Closed loop (each client waits for its answer); latencies in ms over the successful requests of each step.
            """);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"API process memory (VmRSS sampled every 100 ms): {warmRss:F0} MB after warm-up, peak {restPeak:F0} MB under REST, peak {graphQLPeak:F0} MB under GraphQL, {endRss:F0} MB at the end; VmHWM {highWater:F0} MB."),
            "",
            "*matched*: the `totalCount` the REST answer reported. *SQL*: the exact commands the API sent for the request (captured in-process), replayed with Npgsql on the API's own DbContext connections, all rows read. *REST*, *GraphQL*: the API as a separate Release process (Production, real Kestrel) on loopback. *Ratios*: REST÷SQL req/s is the share of the database's throughput the API reaches (target ≥ 0.6×); GraphQL÷REST p95 is GraphQL's latency cost (target ≤ 1.2×).",
        };
        var errors = table.ErrorCount + failures.Count;
        if (errors > 0)
        {
            notes.Add("");
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"**{table.ErrorCount:N0} requests failed** (see the errors column){(failures.Count > 0 ? "; " + string.Join("; ", failures) : "")}."));
        }

        var markdown = table.Render(shapes, options.Clients, header, notes);
        var file = options.Out ?? Path.Combine(repository, "docs", "benchmarks", string.Create(CultureInfo.InvariantCulture, $"search-{options.Entries}.md"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, markdown, new UTF8Encoding(false), ct);
        log.WriteLine();
        log.WriteLine(markdown);
        log.WriteLine($"Written to {file}.");
        if (errors > 0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAILED: {table.ErrorCount:N0} failed requests, {failures.Count} capture failures."));
            return 1;
        }

        return 0;
    }

    private void Progress(Surface surface, SearchShape shape, ResultTable table) =>
        log.WriteLine($"  {surface,-7} {shape.Name}: {table.Summary(shape, surface, options.Clients)}");

    private async Task SqlWarmUpAsync(SqlCapture capture, IReadOnlyList<SearchShape> shapes, TimeSpan duration, CancellationToken ct)
    {
        var connections = new List<(Microsoft.Extensions.DependencyInjection.AsyncServiceScope Scope, NpgsqlConnection Connection)>();
        try
        {
            for (var i = 0; i < WarmUpClients; i++)
            {
                connections.Add(await capture.OpenAsync(ct));
            }

            // Each client on its own connection (a connection runs one command at a time), cycling through the mix.
            var next = -1;
            var result = await ClosedLoop.RunAsync(WarmUpClients, duration, (client, token) =>
                ReplayAsync(connections[client].Connection, shapes[(int)((uint)Interlocked.Increment(ref next) % (uint)shapes.Count)], token), ct);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: {result.LatencyTicks.Length:N0} requests, {result.ErrorCount} failed (not counted)"));
        }
        finally
        {
            foreach (var (scope, _) in connections)
            {
                await scope.DisposeAsync();
            }
        }
    }

    // Cycles through the mix with a few clients; failures here are not counted (the measured steps count their own).
    private async Task WarmUpAsync(int count, TimeSpan duration, Func<int, CancellationToken, Task<string?>> send, CancellationToken ct)
    {
        var next = -1;
        var result = await ClosedLoop.RunAsync(WarmUpClients, duration, (_, token) => send((int)((uint)Interlocked.Increment(ref next) % (uint)count), token), ct);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: {result.LatencyTicks.Length:N0} requests, {result.ErrorCount} failed (not counted)"));
    }

    private static async Task<StepResult> SqlStepAsync(SqlCapture capture, SearchShape shape, int clients, TimeSpan step, CancellationToken ct)
    {
        var connections = new List<(Microsoft.Extensions.DependencyInjection.AsyncServiceScope Scope, NpgsqlConnection Connection)>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                connections.Add(await capture.OpenAsync(ct));
            }

            // Warm each connection once (all at once, or a slow shape at 32 clients would take 32 requests' time), as the
            // API's pooled connections are warm.
            await Task.WhenAll(connections.Select(c => ReplayAsync(c.Connection, shape, ct)));

            return await ClosedLoop.RunAsync(clients, step, (client, token) => ReplayAsync(connections[client].Connection, shape, token), ct);
        }
        finally
        {
            foreach (var (scope, _) in connections)
            {
                await scope.DisposeAsync();
            }
        }
    }

    // Every command of the request in order, every row and value read, as EF reads them to materialise the answer.
    private static async Task<string?> ReplayAsync(NpgsqlConnection connection, SearchShape shape, CancellationToken ct)
    {
        NpgsqlTransaction? transaction = null;
        try
        {
            // A statement timeout can leave the connection broken: open it again rather than fail every later request.
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.CloseAsync();
                await connection.OpenAsync(ct);
            }

            foreach (var captured in shape.Sql)
            {
                // The API sends a SET LOCAL and the one statement it is for inside a transaction of their own (BEGIN and
                // COMMIT are not commands, so they were not captured): so does the replay, or the setting is a no-op.
                var local = captured.Text.StartsWith("SET LOCAL", StringComparison.Ordinal);
                if (local)
                {
                    transaction = await connection.BeginTransactionAsync(ct);
                }

                await using var command = captured.On(connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                do
                {
                    while (await reader.ReadAsync(ct))
                    {
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            _ = reader.GetValue(i);
                        }
                    }
                }
                while (await reader.NextResultAsync(ct));

                if (!local && transaction is not null)
                {
                    await reader.DisposeAsync();
                    await transaction.CommitAsync(ct);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
            }

            return null;
        }
        catch (PostgresException e)
        {
            return $"SQL {e.SqlState}";
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            return "SQL timeout";
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return $"SQL {e.GetType().Name}";
        }
        finally
        {
            if (transaction is not null)
            {
                await RollBackQuietlyAsync(transaction);
            }
        }
    }

    // After a failed statement: the connection must leave its transaction, or every later replay on it fails too.
    private static async Task RollBackQuietlyAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection has no transaction left; the next replay opens it again.
        }

        await transaction.DisposeAsync();
    }

    private static async Task<string?> SendRestAsync(HttpClient http, SearchShape shape, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(shape.Rest, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode ? null : Status(response.StatusCode);
    }

    private static async Task<string?> SendGraphQLAsync(HttpClient http, SearchShape shape, CancellationToken ct)
    {
        using var content = new StringContent(shape.GraphQL!, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/graphql", UriKind.Relative), content, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return !response.IsSuccessStatusCode ? Status(response.StatusCode)
            : body.AsSpan().IndexOf("\"errors\""u8) >= 0 ? "GraphQL errors"
            : null;
    }

    private static string Status(HttpStatusCode status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");

    private async Task<string> PostgresVersionAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return "PostgreSQL " + (await command.ExecuteScalarAsync(ct) as string)?.Split(' ')[0];
    }
}
