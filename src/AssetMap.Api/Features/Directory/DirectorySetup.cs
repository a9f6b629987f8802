using AssetMap.Api.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Directory;

/// <summary>Wiring of the public web directory: Razor Pages under <c>Pages/</c> over the one read model.</summary>
internal static class DirectorySetup
{
    public static IServiceCollection AddAssetMapDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages();

        // AddRazorPages registers MVC's JSON options, which Swashbuckle then prefers to the minimal APIs' own: give them
        // the same settings so the REST document (enums as camelCase strings) does not change because pages exist.
        services.AddOptions<Microsoft.AspNetCore.Mvc.JsonOptions>()
            .Configure<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>((mvc, http) =>
            {
                foreach (var converter in http.Value.SerializerOptions.Converters)
                {
                    mvc.JsonSerializerOptions.Converters.Add(converter);
                }

                mvc.JsonSerializerOptions.DefaultIgnoreCondition = http.Value.SerializerOptions.DefaultIgnoreCondition;
            });
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));

        // One tile setting for the map and the Content-Security-Policy that must allow it.
        services.PostConfigure<DirectoryOptions>(o => o.TileUrl = configuration[SecurityHeaders.TileUrlKey] ?? SecurityHeaders.DefaultTileUrl);
        services.AddScoped<PlaceNames>();
        services.AddScoped<NeedsNearby>();
        return services;
    }

    /// <summary>
    /// GOV.UK Frontend's stylesheet asks for its fonts and images at <c>/assets/</c>: serve them from the copy the build
    /// makes under <c>wwwroot/lib/govuk-frontend/assets/</c>.
    /// </summary>
    public static IApplicationBuilder UseDirectoryAssets(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        var assets = Path.Combine(environment.WebRootPath ?? "", "lib", "govuk-frontend", "assets");
        return Path.Exists(assets)
            ? app.UseStaticFiles(new StaticFileOptions { RequestPath = "/assets", FileProvider = new PhysicalFileProvider(assets) })
            : app;
    }
}
