using AssetMap.Api.Features.TimeBank.Banks;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Api.Features.TimeBank.Members;
using AssetMap.Api.Features.TimeBank.Statements;
using AssetMap.Api.Infrastructure.Auth;

namespace AssetMap.Api.Features.TimeBank;

/// <summary>
/// The broker's time-bank API under <c>/api/v1/timebank</c>: members, exchanges, statements and banks. Brokers (and
/// admins) only: members are private people and never appear on a public surface.
/// </summary>
internal static class TimeBankEndpoints
{
    public const string Prefix = "/api/v1/timebank";

    public static IEndpointRouteBuilder MapTimeBankEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix)
            .RequireAuthorization(AuthPolicies.Broker)
            .WithTags("Time bank")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapMemberEndpoints();
        api.MapExchangeEndpoints();
        api.MapStatementEndpoints();
        api.MapBankEndpoints();
        return routes;
    }
}
