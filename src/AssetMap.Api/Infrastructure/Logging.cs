using System.Globalization;
using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Serilog to the console: readable lines by default, one JSON object per event when <c>Logging:Json</c> is true
/// (<c>Logging__Json=true</c>) for log shippers. Serilog stamps each event with the current trace and span ids, so
/// JSON events carry <c>@tr</c>/<c>@sp</c> and a log line can be found from its trace and back.
/// </summary>
internal static class Logging
{
    public static IServiceCollection AddAssetMapLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(provider).Enrich.FromLogContext();
            if (JsonFormatter(configuration) is { } json)
            {
                logger.WriteTo.Console(json);
            }
            else
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            }
        });

    /// <summary>The JSON event format, or null for readable lines.</summary>
    internal static ITextFormatter? JsonFormatter(IConfiguration configuration) =>
        configuration.GetValue("Logging:Json", false) ? new RenderedCompactJsonFormatter() : null;
}
