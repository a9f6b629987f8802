using System.Text;
using System.Text.Json;
using AssetMap.Api.GraphQL.Authorised;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL;

/// <summary>
/// GraphQL over HTTP, ours because the GraphQL.Server packages are not on our feed: POST application/json (one request
/// or a small batch) and GET for queries. As GraphQL.NET Server 8 does: with application/graphql-response+json a request
/// that could not be executed (unparseable, invalid) is a 400; with application/json it is 200. Either way, a request
/// that ran out of time (its budget, or a statement timeout) or found the database down is a 503 with Retry-After, as
/// REST answers: the document was fine, the server was too slow, so the client should come back rather than fix it.
/// </summary>
internal static partial class GraphQLEndpoint
{
    private const string ModernMediaType = "application/graphql-response+json";
    private const int MaxBodyBytes = 256 * 1024;

    /// <summary>The error code of a document that ran out of the request's time (GraphQL's counterpart of REST's 503).</summary>
    public const string TimeoutCode = "TIMEOUT";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder routes)
    {
        // GraphQL has its own time budget (shared by a batch) and answers a timeout with a GraphQL error.
        var graphql = routes.MapGroup("/graphql");
        graphql.RequireCors(CorsSetup.GraphQL).ExcludeFromDescription().DisableRequestTimeout();
        graphql.MapPost("/", (HttpContext http, IGraphQLTextSerializer serializer) => PostAsync<ISchema>(http, serializer));
        graphql.MapGet("/", (HttpContext http, IGraphQLTextSerializer serializer) => GetAsync<ISchema>(http, serializer));

        // The signed-in schema: the same transport, limits and errors, behind the Practitioner policy (401/403 before
        // any GraphQL runs). No CORS policy: it serves the app's own pages and server-side partners with a token.
        var authorised = routes.MapGroup("/graphql/authorised");
        authorised.RequireAuthorization(AuthPolicies.Practitioner).ExcludeFromDescription().DisableRequestTimeout();
        authorised.MapPost("/", (HttpContext http, IGraphQLTextSerializer serializer) => PostAsync<AuthorisedSchema>(http, serializer));
        authorised.MapGet("/", (HttpContext http, IGraphQLTextSerializer serializer) => GetAsync<AuthorisedSchema>(http, serializer));
        return routes;
    }

    private static async Task<IResult> PostAsync<TSchema>(HttpContext http, IGraphQLTextSerializer serializer)
        where TSchema : ISchema
    {
        if (!http.Request.HasJsonContentType())
        {
            return Failure(http, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Send GraphQL requests as application/json.");
        }

        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return Failure(http, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is over {MaxBodyBytes / 1024} KB.");
        }

        try
        {
            if (body.TrimStart().StartsWith('['))
            {
                var batch = serializer.Deserialize<GraphQLRequest?[]>(body) ?? [];
                if (batch.Length is 0 or > GraphQLSetup.MaxBatchSize)
                {
                    return Failure(http, StatusCodes.Status400BadRequest, "BATCH_TOO_LARGE", $"A batch holds 1 to {GraphQLSetup.MaxBatchSize} requests.");
                }

                // JSON null deserializes to a null element ([null] was a NullReferenceException, a 500).
                if (batch.Any(r => r is null))
                {
                    return Failure(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "Every element of a batch must be a GraphQL request object.");
                }

                var results = new List<ExecutionResult>();
                var budget = new GraphQLRequestBudget();
                foreach (var request in batch)
                {
                    results.Add(await ExecuteAsync<TSchema>(http, request!, budget));
                }

                return new GraphQLResult(results, Modern(http), results.All(IsUnavailable) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
            }

            var single = serializer.Deserialize<GraphQLRequest>(body);
            return single is null
                ? Failure(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The body is not a GraphQL request.")
                : Respond(http, await ExecuteAsync<TSchema>(http, single, new GraphQLRequestBudget()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Failure(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The body is not valid JSON for a GraphQL request.");
        }
    }

    private static async Task<IResult> GetAsync<TSchema>(HttpContext http, IGraphQLTextSerializer serializer)
        where TSchema : ISchema
    {
        var query = http.Request.Query;
        Inputs? variables = null;
        if (query["variables"].ToString() is { Length: > 0 } json)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(json);
            }
            // As for POST: a lone surrogate escape (\ud800) fails as InvalidOperationException, not JsonException.
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return Failure(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "variables is not a JSON object.");
            }
        }

        var request = new GraphQLRequest
        {
            Query = query["query"].ToString(),
            OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
            Variables = variables,
        };

        // GET is for queries: the schema has no mutations, so any other operation fails validation with a 400.
        return Respond(http, await ExecuteAsync<TSchema>(http, request, new GraphQLRequestBudget()));
    }

    private static async Task<ExecutionResult> ExecuteAsync<TSchema>(HttpContext http, GraphQLRequest request, GraphQLRequestBudget budget)
        where TSchema : ISchema
    {
        var remaining = budget.Remaining;
        if (remaining <= TimeSpan.Zero)
        {
            return Error(TimeoutCode, $"This request used its {(int)GraphQLSetup.Timeout.TotalSeconds} seconds before this document could run.");
        }

        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return Error("BAD_REQUEST", "The request has no query.");
        }

        if (request.Query.Length > GraphQLSetup.MaxDocumentLength)
        {
            return Error("DOCUMENT_TOO_LARGE", $"The query is {request.Query.Length} characters; at most {GraphQLSetup.MaxDocumentLength} are accepted.");
        }

        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<TSchema>>();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLEndpoint));
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            Timeout = remaining,
            UserContext = new Dictionary<string, object?> { [QueryCost.Tally.Key] = budget.Cost },
            UnhandledExceptionDelegate = context =>
            {
                LogUnhandled(logger, context.Exception);
                return Task.CompletedTask;
            },
        });

        // GraphQL.NET's own timeout error says only "The operation has timed out.": say which budget ran out.
        if (result.Errors?.OfType<TimeoutError>().Any() == true)
        {
            return Error(TimeoutCode, $"The request took longer than the {(int)GraphQLSetup.Timeout.TotalSeconds} seconds the server allows; try again shortly.");
        }

        return result;
    }

    private static GraphQLResult Respond(HttpContext http, ExecutionResult result)
    {
        var modern = Modern(http);
        var status = IsUnavailable(result) ? StatusCodes.Status503ServiceUnavailable
            : modern && !result.Executed ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return new GraphQLResult([result], modern, status, single: true);
    }

    // Out of time or no database: the server's fault, for now. A batch stays 200 unless every document failed so.
    private static bool IsUnavailable(ExecutionResult result) =>
        result.Errors?.Any(e => e.Code == TimeoutCode || SafeErrorInfoProvider.IsDatabaseUnavailable(e)) == true;

    private static GraphQLResult Failure(HttpContext http, int status, string code, string message) =>
        new([Error(code, message)], Modern(http), status, single: true);

    private static ExecutionResult Error(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }], Executed = false };

    // application/graphql-response+json unless the client asked only for application/json.
    private static bool Modern(HttpContext http)
    {
        var accept = http.Request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.MatchesAllTypes
            || a.MediaType.Equals(ModernMediaType, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in a GraphQL resolver")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    private sealed class GraphQLResult(IReadOnlyList<ExecutionResult> results, bool modern, int status, bool single = false) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            if (results.Any(IsUnavailable))
            {
                response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            response.ContentType = modern ? $"{ModernMediaType}; charset=utf-8" : "application/json; charset=utf-8";
            var serializer = httpContext.RequestServices.GetRequiredService<IGraphQLSerializer>();
            object payload = single ? results[0] : results;
            await serializer.WriteAsync(response.Body, payload, httpContext.RequestAborted);
        }
    }
}
