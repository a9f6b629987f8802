using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AssetMap.SearchBenchmark.Load;

/// <summary>
/// The API as a separate Release process on loopback, as production runs it: real Kestrel, Production environment,
/// rate limits off (one loopback client is not the traffic they are for). Samples its memory from /proc meanwhile.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakRssKb;

    private ApiProcess(Process process, Uri url, string logFile)
    {
        _process = process;
        Url = url;
        LogFile = logFile;
        _sampler = Task.Run(SampleAsync);
    }

    public Uri Url { get; }

    public string LogFile { get; }

    public int Pid => _process.Id;

    /// <summary>Highest VmRSS seen by the sampler (every 100 ms) since <see cref="ResetPeak"/>, in MB.</summary>
    public double PeakRssMb => Interlocked.Read(ref _peakRssKb) / 1024d;

    public void ResetPeak() => Interlocked.Exchange(ref _peakRssKb, 0);

    /// <summary>VmRSS now, in MB.</summary>
    public double RssMb => Status("VmRSS:") / 1024d;

    /// <summary>VmHWM (the kernel's own peak resident set since start), in MB.</summary>
    public double HighWaterMb => Status("VmHWM:") / 1024d;

    public static async Task<ApiProcess> StartAsync(string apiDll, string database, string logFile, int? timeBudgetSeconds, CancellationToken ct)
    {
        var port = FreePort();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo("/bin/sh")
        {
            // exec: the pid is the API's own, so /proc/<pid> is its memory. Output goes to a file, as a service's would.
            ArgumentList = { "-c", "exec dotnet \"$0\" >\"$1\" 2>&1", apiDll, logFile },
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = url.ToString(),
                ["ConnectionStrings__AssetMap"] = database,
                ["RateLimiting__Enabled"] = "false",
                ["Database__MigrateOnStartup"] = "false",
            },
        };
        if (timeBudgetSeconds is { } seconds)
        {
            start.Environment["RequestBudget__Seconds"] = seconds.ToString(CultureInfo.InvariantCulture);
            start.Environment["Database__CommandTimeoutSeconds"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        var api = new ApiProcess(process, url, logFile);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with status {process.ExitCode}; see {logFile}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                await api.DisposeAsync();
                throw new InvalidOperationException($"The API did not answer /health/ready within 90 s; see {logFile}.");
            }

            await Task.Delay(250, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private long Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{_process.Id}/status")))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var rss = Status("VmRSS:");
            if (rss > Interlocked.Read(ref _peakRssKb))
            {
                Interlocked.Exchange(ref _peakRssKb, rss);
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
