using System.Text.Json;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetMap.Api.Features.Health;

internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddAssetMapHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AssetMapDbContext>("database", tags: [Ready])
            .AddCheck<PostGisHealthCheck>("postgis", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        // Live: the process answers. Ready: the database and PostGIS answer too.
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            // Names and statuses only: versions, exception text and timings are for the logs, not anonymous callers.
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString() }),
        }, cancellationToken: context.RequestAborted);
    }
}

/// <summary>Healthy only when the PostGIS extension is installed and answering.</summary>
internal sealed class PostGisHealthCheck(AssetMapDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await db.Database.SqlQueryRaw<string>("SELECT postgis_lib_version() AS \"Value\"").SingleAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostGIS answers", new Dictionary<string, object> { ["version"] = version });
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostGIS is not available", e);
        }
    }
}
