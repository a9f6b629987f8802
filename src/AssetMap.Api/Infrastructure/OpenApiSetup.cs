using Microsoft.OpenApi;

namespace AssetMap.Api.Infrastructure;

internal static class OpenApiSetup
{
    public static IServiceCollection AddAssetMapOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        return services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "AssetMap API",
                Version = "v1",
                Description = "Community assets near a person: hubs, micro-enterprises and social-prescribing activities.",
            });
            Auth.BearerOpenApi.AddTo(options);
            var xml = Path.Combine(AppContext.BaseDirectory, "AssetMap.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
    }

    public static WebApplication UseAssetMapOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "AssetMap API v1"));
        return app;
    }
}
