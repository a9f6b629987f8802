using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using ApiLogging = AssetMap.Api.Infrastructure.Logging;

namespace AssetMap.Api.Tests.Operations;

public sealed class JsonLoggingTests
{
    [Fact]
    public void Json_log_events_carry_the_trace_and_span_of_the_request_they_belong_to()
    {
        var formatter = ApiLogging.JsonFormatter(Settings("true"));
        Assert.NotNull(formatter);
        var events = new List<LogEvent>();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new Collect(events)).CreateLogger();
        using var activity = new Activity("GET /api/v1/assets").SetIdFormat(ActivityIdFormat.W3C).Start();

        logger.Information("Searched {Count} assets", 3);

        using var text = new StringWriter();
        formatter.Format(Assert.Single(events), text);
        using var json = JsonDocument.Parse(text.ToString());
        Assert.Equal(activity.TraceId.ToHexString(), json.RootElement.GetProperty("@tr").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), json.RootElement.GetProperty("@sp").GetString());
        Assert.Equal("Searched 3 assets", json.RootElement.GetProperty("@m").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("Count").GetInt32());
    }

    [Fact]
    public void Logs_are_readable_lines_unless_json_is_asked_for()
    {
        Assert.Null(ApiLogging.JsonFormatter(Settings(null)));
        Assert.Null(ApiLogging.JsonFormatter(Settings("false")));
    }

    private static IConfiguration Settings(string? json) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Json"] = json }).Build();

    private sealed class Collect(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
