using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>The feed's services, serializer and its own OpenAPI document (a second Swagger document).</summary>
internal static class OpenReferralSetup
{
    public const string DocumentName = "openreferral-v3";
    public const string DocumentPath = "/swagger/" + DocumentName + "/swagger.json";
    public const string ProfileUrl = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";

    /// <summary>ORUK's names are snake_case; optional members without a value are left out, never null.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IServiceCollection AddOpenReferralFeed(this IServiceCollection services)
    {
        services.AddScoped<OrukSearch>();
        services.ConfigureSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "AssetMap Open Referral UK feed",
                Version = "3.0",
                Description = "The AssetMap directory as an Open Referral UK 3.0 (HSDS-UK-3.0) feed: public, read-only.",
            });
            // The feed's endpoints only in its own document; everything else stays in the main one.
            options.DocInclusionPredicate((document, api) =>
                document == DocumentName ? api.GroupName == DocumentName : api.GroupName is null || api.GroupName == document);
            options.SchemaFilter<SnakeCaseSchemaFilter>();
        });
        return services;
    }

    /// <summary>Documents the feed's contracts with the snake_case names its serializer writes.</summary>
    private sealed class SnakeCaseSchemaFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (context.Type.Namespace != typeof(OrukService).Namespace || schema is not OpenApiSchema { Properties: { Count: > 0 } properties } concrete)
            {
                return;
            }

            var renamed = properties.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value);
            properties.Clear();
            foreach (var (name, value) in renamed)
            {
                properties[name] = value;
            }

            if (concrete.Required is { Count: > 0 } required)
            {
                var names = required.Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToList();
                required.Clear();
                foreach (var name in names)
                {
                    required.Add(name);
                }
            }
        }
    }
}
