using System.Diagnostics;
using System.Net;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AssetMap.Api.Tests.Operations;

/// <summary>What an operator's collector would receive, read from in-memory exporters added to the app's own providers.</summary>
public sealed class TelemetryTests(TelemetryTests.ObservedApi api) : IClassFixture<TelemetryTests.ObservedApi>
{
    private const string SearchRoute = "/api/v1/assets/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_produces_a_server_span_with_its_route_and_a_child_database_span()
    {
        // Listeners are process-wide and other test hosts run alongside: follow our own trace id.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assets?q=lunch");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await api.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await SpansAsync(traceId, s => s.Kind == ActivityKind.Server);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal(SearchRoute, server.GetTagItem("http.route"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(database);
        Assert.All(database, s => Assert.True(IsDescendant(s, server, spans), $"{s.DisplayName} is not under the request span"));
        Assert.Contains(database, s => (s.GetTagItem("db.system.name") ?? s.GetTagItem("db.system")) is "postgresql");
    }

    [Fact]
    public async Task Request_durations_are_recorded_per_route()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/assets?q=garden", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        api.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var durations = api.Metrics.ToArray().Where(m => m.Name == "http.server.request.duration").ToList();
        Assert.NotEmpty(durations);
        Assert.Contains(durations, m => m.MetricType == MetricType.Histogram && Routes(m).Contains(SearchRoute));
    }

    private async Task<List<Activity>> SpansAsync(ActivityTraceId traceId, Func<Activity, bool> until)
    {
        // The server span ends after the client has its response: wait for it briefly.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var spans = api.Spans.ToArray().Where(s => s.TraceId == traceId).ToList();
            if (spans.Any(until))
            {
                return spans;
            }

            await Task.Delay(100, Ct);
        }

        return [.. api.Spans.ToArray().Where(s => s.TraceId == traceId)];
    }

    private static bool IsDescendant(Activity span, Activity ancestor, List<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string?> Routes(MetricSnapshot metric)
    {
        var routes = new HashSet<string?>();
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == "http.route")
                {
                    routes.Add(tag.Value as string);
                }
            }
        }

        return routes;
    }

    /// <summary>The sample API with in-memory exporters beside the app's own (none, without OTEL_* variables).</summary>
    public sealed class ObservedApi : WebApplicationFactory<Program>, IAsyncLifetime
    {
        private TestDatabase _database = null!;

        public List<Activity> Spans { get; } = [];

        public List<MetricSnapshot> Metrics { get; } = [];

        public async ValueTask InitializeAsync() => _database = await SeedData.CreateSeededDatabaseAsync();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:AssetMap", _database.ConnectionString);
            builder.ConfigureTestServices(services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans))
                .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics)));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
