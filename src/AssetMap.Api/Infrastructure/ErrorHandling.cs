using AssetMap.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace AssetMap.Api.Infrastructure;

internal static class ErrorHandling
{
    /// <summary>RFC 9457 problem details for every error: handled, unhandled (no details) and bare status codes.</summary>
    public static IServiceCollection AddAssetMapProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DomainRuleExceptionHandler>();
        return services;
    }
}

/// <summary>A broken domain rule is the caller's fault: 422 naming the field.</summary>
internal sealed class DomainRuleExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainRuleException rule)
        {
            return false; // falls through to a detail-free 500
        }

        httpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Business rule violated",
                Detail = rule.Message,
                Extensions = { ["field"] = rule.Field },
            },
        });
    }
}

/// <summary>Malformed requests (unreadable JSON, bad binding) are 400s with the framework's reason, not 500s.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        });
    }
}
