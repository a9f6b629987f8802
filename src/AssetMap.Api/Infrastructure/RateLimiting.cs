using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Per-client request budgets (fixed windows), one for GraphQL and one for everything else that reaches routing
/// (REST, pages, unknown paths). Health probes and static files are never limited: static files are served before
/// this middleware, health is exempted by path. Over budget: 429, <c>Retry-After</c> and a problem document.
/// </summary>
/// <remarks>
/// The partition is the client address after <see cref="Hosts"/> has applied <c>X-Forwarded-For</c> from known proxies.
/// Signed-in callers get their own, larger budget keyed by name (<see cref="RateLimitingOptions.AuthenticatedFactor"/>);
/// (cookie or bearer token: <c>UseAuthentication</c> runs before <c>UseAssetMapRateLimiting</c>). Form posts that anyone
/// can make get stricter named policies: <see cref="SignInPolicy"/> and <see cref="PublicFormPolicy"/>.
/// </remarks>
internal static partial class RateLimiting
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in form posts, per client address (the per-account half is <c>Auth.SignInThrottle</c>).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Forms anyone may post without signing in (the suggestion form): per client address, posts only.</summary>
    public const string PublicFormPolicy = "public-form";

    public static IServiceCollection AddAssetMapRateLimiting(this IServiceCollection services)
    {
        // Read when the options are first needed, not here: tests and hosts may still be adding configuration.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var settings = Settings(configuration);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignInPolicy, context => FormPosts(context, SignInPolicy, settings.SignIn));
            options.AddPolicy(PublicFormPolicy, context => FormPosts(context, PublicFormPolicy, settings.PublicForm));
        });
        return services.AddRateLimiter(_ => { });
    }

    /// <summary>After routing and CORS (so a 429 still carries CORS headers), before the output cache.</summary>
    public static IApplicationBuilder UseAssetMapRateLimiting(this IApplicationBuilder app) =>
        Settings(app.ApplicationServices.GetRequiredService<IConfiguration>()).Enabled ? app.UseRateLimiter() : app;

    private static RateLimitingOptions Settings(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RateLimitingOptions>() ?? new();

    internal static RateLimitPartition<string> Partition(HttpContext context, RateLimitingOptions settings)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        var graphql = request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments(GraphQL.GraphiQLPage.Route, StringComparison.OrdinalIgnoreCase);
        var limit = graphql ? settings.GraphQL : settings.Rest;
        var policy = graphql ? "graphql" : "rest";

        var user = context.User.Identity;
        if (user is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return Fixed($"{policy}|user|{name}", limit, settings.AuthenticatedFactor);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Fixed($"{policy}|ip|{address}", limit, 1);
    }

    // Stricter budgets for endpoints that take a form post: reading the form stays under the general budget only.
    private static RateLimitPartition<string> FormPosts(HttpContext context, string policy, RateLimitingOptions.Limit limit) =>
        HttpMethods.IsPost(context.Request.Method)
            ? Fixed($"{policy}|ip|{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}", limit, 1)
            : RateLimitPartition.GetNoLimiter(policy);

    private static RateLimitPartition<string> Fixed(string key, RateLimitingOptions.Limit limit, int factor) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit * Math.Max(1, factor)),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0, // answer at once: a queued request still holds a connection
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILogger<RateLimitingOptions>>();
        Log.Rejected(logger, context.Request.Path.Value ?? "/", seconds);
        await ProblemResponses.WriteAsync(context, new()
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"This client has used its request budget. Try again in {seconds.ToString(CultureInfo.InvariantCulture)} s.",
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit reached on {Path}; retry after {RetryAfterSeconds} s")]
        public static partial void Rejected(ILogger logger, string path, int retryAfterSeconds);
    }
}

/// <summary>The <c>RateLimiting</c> configuration section.</summary>
internal sealed class RateLimitingOptions
{
    /// <summary>Off only where one process plays many clients (the test suite).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>REST, pages and anything else routed, per client address.</summary>
    public Limit Rest { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>GraphQL per client address: lower, because one document can ask for many searches.</summary>
    public Limit GraphQL { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Sign-in posts per client address (<see cref="RateLimiting.SignInPolicy"/>).</summary>
    public Limit SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 300 };

    /// <summary>Sign-in posts per account name typed, from any address (<c>Auth.SignInThrottle</c>).</summary>
    public Limit SignInPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Public form posts per client address (<see cref="RateLimiting.PublicFormPolicy"/>).</summary>
    public Limit PublicForm { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Signed-in callers get this many times the anonymous budget, per user rather than per address.</summary>
    public int AuthenticatedFactor { get; set; } = 10;

    internal sealed class Limit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }
    }
}
