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
        // Binding failures (lat=abc) throw in every environment, so they reach BadRequestExceptionHandler and get a body.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DomainRuleExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // After the default writer: it answers only clients that accept JSON; this one answers everyone else.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
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

/// <summary>Malformed requests (unreadable JSON, bad binding) are 400s naming the parameter, not 500s.</summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            // Not bad.Message: it names the handler's C# parameter and type ("double? Lat").
            ProblemDetails = { Status = bad.StatusCode, Title = "One or more parameters are invalid", Detail = "The request could not be read." },
        };

        // 'Failed to bind parameter "double? Lat" from "abc".' → errors.lat
        if (BoundParameter().Match(bad.Message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            var parameter = char.ToLowerInvariant(name[0]) + name[1..];
            var message = $"'{match.Groups["value"].Value}' is not a valid value for {parameter}.";
            context.ProblemDetails.Detail = message;
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [message] };
        }

        return await problems.TryWriteAsync(context);
    }

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"[^\"]*?(?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();
}
