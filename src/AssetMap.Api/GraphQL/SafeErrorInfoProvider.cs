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

        var info = base.GetInfo(executionError);
        if (executionError.InnerException is not null)
        {
            info.Extensions?.Remove("data");
        }

        return info;
    }
}
