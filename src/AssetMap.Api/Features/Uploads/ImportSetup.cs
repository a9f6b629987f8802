using AssetMap.Import.Importing;

namespace AssetMap.Api.Features.Uploads;

internal static class ImportSetup
{
    public static IServiceCollection AddAssetMapImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportUploadOptions>(configuration.GetSection(ImportUploadOptions.Section));
        services.AddScoped<AssetImporter>();
        services.AddSingleton<ImportJobs>();
        return services;
    }
}
