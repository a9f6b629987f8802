using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// The database down, unreachable or too slow is not the client's fault and not a bug: 503 with Retry-After, so clients
/// and proxies back off and come back (recovery needs no restart: the next request opens a new connection).
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFaults.IsUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, exception.GetType().Name);
        await WriteAsync(httpContext, "The database is not answering; try again shortly.");
        return true;
    }

    /// <summary>A 503 problem with Retry-After; also what a request that outran its time budget gets.</summary>
    public static Task WriteAsync(HttpContext httpContext, string detail)
    {
        httpContext.Response.Headers[HeaderNames.RetryAfter] = DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ProblemResponses.WriteAsync(httpContext, new()
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service temporarily unavailable",
            Detail = detail,
            Extensions = { ["code"] = DatabaseFaults.Code },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({ExceptionType}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType);
}
