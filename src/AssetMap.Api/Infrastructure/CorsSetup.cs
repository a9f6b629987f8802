namespace AssetMap.Api.Infrastructure;

internal static class CorsSetup
{
    /// <summary>Public GETs may be read from any origin: the directory is open data.</summary>
    public const string PublicReads = "PublicReads";

    /// <summary>Browser partners POST GraphQL as JSON, which needs a preflight that allows it.</summary>
    public const string GraphQL = "GraphQL";

    public static IServiceCollection AddAssetMapCors(this IServiceCollection services) =>
        services.AddCors(options =>
        {
            options.AddPolicy(PublicReads, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders("ETag"));
            options.AddPolicy(GraphQL, policy => policy.AllowAnyOrigin().WithMethods("GET", "POST").AllowAnyHeader());
        });
}
