using System.Text.Json;

namespace AssetMap.SearchBenchmark.Workload;

/// <summary>
/// One request shape of the mix: the same search as a REST URL and (when GraphQL has it) a GraphQL body, and the SQL
/// the API sent for it, captured once in-process (<see cref="SqlCapture"/>).
/// </summary>
internal sealed record SearchShape(string Name, string Rest, string? GraphQL)
{
    public IReadOnlyList<CapturedCommand> Sql { get; set; } = [];

    /// <summary>The total the REST answer reported (or "–"), to show how many entries the search matched.</summary>
    public string Matched { get; set; } = "–";

    /// <summary>The POST /graphql body for <paramref name="query"/> with <paramref name="variables"/>.</summary>
    public static string Body(string query, object variables) =>
        JsonSerializer.Serialize(new { query, variables });
}
