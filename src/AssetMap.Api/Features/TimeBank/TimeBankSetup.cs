using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Features.TimeBank.Near;

namespace AssetMap.Api.Features.TimeBank;

/// <summary>Wiring of the time bank: members, the ledger, and members near a person. Every part is signed-in only.</summary>
internal static class TimeBankSetup
{
    public static IServiceCollection AddTimeBank(this IServiceCollection services)
    {
        services.AddScoped<MemberEditor>();
        services.AddScoped<ExchangeRecorder>();
        services.AddSingleton<TimeBankHttp>();
        services.ConfigureSwaggerGen(options => options.OperationFilter<RequestHeaderOperationFilter>());
        services.AddScoped<MembersNear>();
        return services;
    }
}
