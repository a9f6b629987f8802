namespace AssetMap.Api.Features.Assets;

internal static class AssetSearchRegistration
{
    public static IServiceCollection AddAssetSearch(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Postcodes.PostcodeLookup>();
        services.AddScoped<AssetSearchValidator>();
        services.AddScoped<ReadModel.AssetReader>();
        services.AddOptions<Freshness.FreshnessOptions>().BindConfiguration(Freshness.FreshnessOptions.Section);
        services.AddScoped<AssetSearch>();
        services.AddScoped<AssetListing>();
        services.AddScoped<AssetDetails>();
        services.AddScoped<Categories.CategoryTree>();
        services.AddScoped<PcnAreas.PcnAreaStatistics>();
        return services;
    }
}
