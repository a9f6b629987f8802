namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Headers every response carries, errors and static files included. The policy allows no inline script or style (the
/// GraphiQL page loads its code from <c>/graphql-ui/</c> for this reason), no framing, and images only from here,
/// <c>data:</c> URIs (icons in CSS) and the map tile server named by <c>Map:TileUrl</c>; fonts from here and <c>data:</c>
/// (GraphiQL's stylesheet embeds its fonts). Swagger UI sets one inline style that the policy blocks, with no visible effect.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Where the web map fetches tiles; the page and the policy read the same setting.</summary>
    public const string TileUrlKey = "Map:TileUrl";

    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public static IServiceCollection AddAssetMapSecurityHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(configuration.GetValue("Https:HstsMaxAgeDays", 365));
            options.IncludeSubDomains = configuration.GetValue("Https:HstsIncludeSubDomains", false);
        });

    public static IApplicationBuilder UseAssetMapSecurityHeaders(this WebApplication app)
    {
        // ./run.sh serves plain http on 127.0.0.1 in Development; anywhere else browsers are sent to https and told to
        // stay there. Behind a TLS-terminating proxy, X-Forwarded-Proto (from a known proxy) marks requests as https.
        if (app.Configuration.GetValue("Https:Redirect", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        var policy = ContentSecurityPolicy(app.Configuration[TileUrlKey] ?? DefaultTileUrl, app.Configuration["Authentication:OpenIdConnect:Authority"]);
        return app.Use((context, next) =>
        {
            // On starting, not now: the exception handler clears the headers of a response it takes over.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <remarks>
    /// "Sign in with …" posts a form that redirects to the council's identity provider, and browsers apply
    /// <c>form-action</c> to that redirect: the provider's origin is allowed when one is configured.
    /// </remarks>
    internal static string ContentSecurityPolicy(string tileUrl, string? identityProvider = null) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        + $"img-src 'self' data:{TileSource(tileUrl)}; font-src 'self' data:; connect-src 'self'; "
        + $"object-src 'none'; base-uri 'self'; form-action 'self'{Origin(identityProvider)}; frame-ancestors 'none'";

    private static string Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? " " + uri.GetLeftPart(UriPartial.Authority) : "";

    /// <summary><c>https://{s}.tile.example.org/{z}/{x}/{y}.png</c> → <c> https://*.tile.example.org</c>.</summary>
    private static string TileSource(string tileUrl)
    {
        var wildcarded = tileUrl.Replace("{s}", "*", StringComparison.Ordinal);
        var schemeEnd = wildcarded.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return string.Empty; // a relative URL: tiles come from this origin, which 'self' covers
        }

        var hostEnd = wildcarded.IndexOf('/', schemeEnd + 3);
        var origin = hostEnd < 0 ? wildcarded : wildcarded[..hostEnd];
        // A source expression cannot hold ';', ',' or spaces: a malformed setting must not widen the policy.
        return origin.AsSpan().IndexOfAny(" ;,'\"") >= 0 ? string.Empty : " " + origin;
    }
}
