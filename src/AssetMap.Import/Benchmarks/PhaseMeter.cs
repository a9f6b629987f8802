using System.Diagnostics;

namespace AssetMap.Import.Benchmarks;

/// <summary>Times a phase and samples the process working set meanwhile, to report its peak above the start.</summary>
internal sealed class PhaseMeter : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _startBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakBytes;

    public PhaseMeter()
    {
        GC.Collect();
        _startBytes = _peakBytes = Process.GetCurrentProcess().WorkingSet64;
        _sampler = Task.Run(SampleAsync);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Peak working set during the phase, above where it started, in MiB.</summary>
    public double PeakMegabytes => (Interlocked.Read(ref _peakBytes) - _startBytes) / 1024d / 1024d;

    /// <summary>Stops timing and sampling; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_clock.IsRunning)
        {
            return;
        }

        _clock.Stop();
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            var now = process.WorkingSet64;
            if (now > Interlocked.Read(ref _peakBytes))
            {
                Interlocked.Exchange(ref _peakBytes, now);
            }

            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
