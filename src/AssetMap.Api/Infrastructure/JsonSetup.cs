using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssetMap.Api.Infrastructure;

internal static class JsonSetup
{
    /// <summary>camelCase enums as strings ("microEnterprise"), nulls left out of responses.</summary>
    public static IServiceCollection AddAssetMapJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
}
