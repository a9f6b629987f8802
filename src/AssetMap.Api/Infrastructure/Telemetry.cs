using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, HttpClient, Npgsql) and metrics (the same plus the .NET runtime), among them
/// ASP.NET Core's <c>http.server.request.duration</c> histogram tagged with <c>http.route</c>. Collected always (cheap);
/// exported over OTLP only when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a per-signal
/// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>/<c>_METRICS_ENDPOINT</c>) variable is set, which the exporter then reads
/// with the other <c>OTEL_*</c> variables (protocol, headers, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "AssetMap.Api";

    private static readonly string[] EndpointVariables =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static IServiceCollection AddAssetMapTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            // Added last, a service name would override OTEL_SERVICE_NAME: use ours only as the default.
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation());

        // No endpoint, no exporter: nothing tries the network (./run.sh, tests, machines without a collector).
        if (EndpointVariables.Any(name => !string.IsNullOrWhiteSpace(configuration[name])))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>Load balancers probe health every few seconds: spans for those would drown the real traffic.</summary>
    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
