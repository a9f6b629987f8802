namespace AssetMap.Api.Infrastructure;

internal static class OutputCaching
{
    /// <summary>Categories and PCN areas change only when the CVS imports: cache responses for a few minutes.</summary>
    public const string Directory = "Directory";

    public static IServiceCollection AddAssetMapOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Directory, policy => policy
            .Expire(TimeSpan.FromMinutes(5))
            // Neither list reads the query string: a junk parameter (?cb=1) must hit the cache, not bypass it.
            .SetVaryByQuery([])
            .SetVaryByHeader("Accept")
            .Tag(Directory)));
}
