using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Who is asking and under which name. <c>X-Forwarded-For</c>/<c>-Proto</c> are believed only from the proxies listed
/// under <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR); nothing is
/// trusted by default, so a client cannot pick its own rate-limit partition. The <c>Host</c> header must match
/// <c>AllowedHosts</c>, because absolute links (paging) are built from it and cached publicly.
/// </summary>
internal static class Hosts
{
    public static IServiceCollection AddAssetMapHosts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback out of the box; we trust only what the operator names.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Several proxies in a chain each add an entry: unwind as many as are trusted.
            options.ForwardLimit = null;
        });

        // The built-in host filter runs before our error handling and answers an HTML page; switch it off and check
        // the same AllowedHosts setting in AllowedHostsGuard, which answers problem details like every other error.
        services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        return services;
    }

    /// <summary>Outermost: later middleware (rate limiting, links, logs) sees the real client and a vetted host.</summary>
    public static IApplicationBuilder UseAssetMapHosts(this IApplicationBuilder app)
    {
        // With no proxy listed the middleware would believe every peer, so it runs only when one is.
        var forwarding = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarding.KnownProxies.Count > 0 || forwarding.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        var configured = app.ApplicationServices.GetRequiredService<IConfiguration>()["AllowedHosts"];
        var allowed = (configured ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length == 0 || allowed.Contains("*"))
        {
            return app;
        }

        var patterns = allowed.Select(h => new StringSegment(h)).ToList();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Host.HasValue && HostString.MatchesAny(context.Request.Host.Host, patterns))
            {
                await next(context);
                return;
            }

            await ProblemResponses.WriteAsync(context, new()
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Unknown host",
                Detail = "The Host header does not name this service.",
            });
        });
    }
}
