using AssetMap.Api.GraphQL.Authorised;
using AssetMap.Api.GraphQL.Loaders;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace AssetMap.Api.GraphQL;

internal static class GraphQLSetup
{
    /// <summary>Limits that keep one request from costing the database or the server too much.</summary>
    // 15: the introspection query GraphiQL sends is 13 deep; our deepest real query is about 10.
    public const int MaxDepth = 15;
    public const int MaxDocumentLength = 20_000;
    public const int MaxBatchSize = 5;
    /// <summary>Wall-clock time for one HTTP request, all documents of a batch together (each SQL statement has less: DatabaseResilience.CommandTimeoutSeconds).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddAssetMapGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGraphQL(graphql => graphql
            .AddSchema<AssetMapSchema>()
            // The signed-in schema (/graphql/authorised); ISchema stays the public one.
            .AddSchema<AuthorisedSchema>()
            .AddGraphTypes(typeof(AssetMapSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Resolvers share the request's DbContext, so queries run one field at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = MaxDepth;
                QueryCost.Configure(options);
            })
            // NUL and lone surrogates are refused before execution, whether in a literal or a variable.
            .AddValidationRule<UnsafeTextRule>()
            // Broker-only fields of the signed-in schema; the public schema has none.
            .AddValidationRule<FieldPolicyRule>()
            // Stack traces and exception data only in Development; our codes and argument names always.
            .AddErrorInfoProvider(services => new SafeErrorInfoProvider(environment)));
        services.AddScoped<VenueLoader>();
        services.AddScoped<PcnBoundaryLoader>();
        return services;
    }
}
