using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Evidence;

namespace AssetMap.Api.Features.Freshness;

/// <summary>Freshness and evidence: the options, the rules every surface applies, the editors' queues.</summary>
internal static class FreshnessSetup
{
    public static IServiceCollection AddAssetMapFreshness(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FreshnessOptions>(configuration.GetSection(FreshnessOptions.Section));
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.Section));
        services.AddSingleton<VerificationRules>();
        services.AddSingleton<EvidenceRules>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<AssetVerifier>();
        services.AddScoped<EvidenceQueue>();
        return services;
    }
}
