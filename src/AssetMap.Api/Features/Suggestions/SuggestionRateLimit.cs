using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AssetMap.Api.Features.Suggestions;

/// <summary>
/// The "report a change" form's own strict budget: posts per client address per window (configuration section
/// <c>Suggestions</c>: <c>PermitLimit</c>, default 5, <c>WindowSeconds</c>, default 600). Reading the form is not
/// counted. Applies where the global rate limiter runs (<c>RateLimiting:Enabled</c>).
/// </summary>
internal static class SuggestionRateLimit
{
    /// <summary>The named rate-limiter policy (referenced by <c>[EnableRateLimiting]</c> on the form).</summary>
    public const string SuggestionForm = "suggestion-form";

    public static IServiceCollection AddSuggestionRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Suggestions");
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(SuggestionForm, context =>
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("suggestion-read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    $"suggestion|{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, section.GetValue("PermitLimit", 5)),
                        Window = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("WindowSeconds", 600))),
                        QueueLimit = 0,
                    })));
        return services;
    }
}
