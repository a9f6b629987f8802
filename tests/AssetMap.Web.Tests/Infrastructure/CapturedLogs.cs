using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace AssetMap.Web.Tests.Infrastructure;

/// <summary>The app's log events, rendered with their properties: what a server's log would keep.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Emit(LogEvent logEvent) =>
        _lines.Enqueue(logEvent.RenderMessage(CultureInfo.InvariantCulture) + " "
            + string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")));
}
