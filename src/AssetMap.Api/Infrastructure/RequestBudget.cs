using Microsoft.AspNetCore.Http.Timeouts;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Wall-clock time one REST request may hold a worker. Past it the request's token is cancelled (which cancels its SQL)
/// and the client gets a 503 problem with Retry-After. GraphQL keeps its own budget (GraphQLSetup.Timeout), shared by
/// the documents of a batch, so that it can answer with GraphQL errors.
/// </summary>
internal static class RequestBudget
{
    public const int Seconds = 5;

    public static IServiceCollection AddAssetMapRequestBudget(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("RequestBudget:Seconds", Seconds);
        return services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(seconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => DatabaseUnavailableExceptionHandler.WriteAsync(context, $"The request took longer than the {seconds} seconds the server allows; try again shortly."),
        });
    }
}
