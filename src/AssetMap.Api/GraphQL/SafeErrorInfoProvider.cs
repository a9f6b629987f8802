using AssetMap.Api.Infrastructure;
using GraphQL;
using GraphQL.Execution;

namespace AssetMap.Api.GraphQL;

/// <summary>
/// What a GraphQL error may tell the client. Outside Development: the code, message and <c>extensions.data</c> of
/// errors we raise ourselves (BAD_USER_INPUT with the argument names), but nothing of an exception. GraphQL.NET copies
/// an exception's <c>Data</c> into the error it wraps it in, and a <c>PostgresException</c> keeps its SQL state, message,
/// server file, line and routine there; so an unhandled exception becomes one generic error, and any other error that
/// wraps an exception loses its data.
/// </summary>
internal sealed class SafeErrorInfoProvider(IHostEnvironment environment) : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeExceptionDetails = environment.IsDevelopment(),
    ExposeData = true,
})
{
    public const string InternalCode = "INTERNAL_SERVER_ERROR";

    private readonly bool _exposeEverything = environment.IsDevelopment();

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        // In every environment: the database being down is the answer, not a resolver bug; the client should retry.
        if (IsDatabaseUnavailable(executionError))
        {
            var info = base.GetInfo(executionError);
            info.Message = "The database is not answering; try again shortly.";
            info.Extensions = new Dictionary<string, object?> { ["code"] = DatabaseFaults.Code, ["codes"] = new[] { DatabaseFaults.Code } };
            return info;
        }

        if (_exposeEverything)
        {
            return base.GetInfo(executionError);
        }

        if (executionError is UnhandledError)
        {
            // The resolver failed, not the request: the log has the exception (GraphQLEndpoint logs it).
            return new ErrorInfo
            {
                Message = "The server could not resolve this field.",
                Extensions = new Dictionary<string, object?> { ["code"] = InternalCode, ["codes"] = new[] { InternalCode } },
            };
        }

        var safe = base.GetInfo(executionError);
        if (executionError.InnerException is not null)
        {
            safe.Extensions?.Remove("data");
        }

        return safe;
    }

    /// <summary>A resolver failed because the database is down, unreachable or too slow.</summary>
    public static bool IsDatabaseUnavailable(ExecutionError error) =>
        error is UnhandledError && DatabaseFaults.IsUnavailable(error.InnerException);
}
