using System.Diagnostics;

namespace AssetMap.Api.GraphQL;

/// <summary>What one HTTP request may spend, shared by every document of a batch: cost units and wall-clock time.</summary>
internal sealed class GraphQLRequestBudget
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public QueryCost.Tally Cost { get; } = new();

    public TimeSpan Remaining => GraphQLSetup.Timeout - Stopwatch.GetElapsedTime(_started);
}
