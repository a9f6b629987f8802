using System.Globalization;
using System.Text;
using AssetMap.SearchBenchmark.Load;
using AssetMap.SearchBenchmark.Workload;

namespace AssetMap.SearchBenchmark.Report;

/// <summary>The three surfaces, measured with the same closed loop.</summary>
internal enum Surface
{
    Sql,
    Rest,
    GraphQL,
}

/// <summary>Every step's result, keyed by shape, surface and client count; renders the Markdown report.</summary>
internal sealed class ResultTable
{
    private static readonly string[] SurfaceNames = ["SQL", "REST", "GraphQL"];
    private readonly Dictionary<(string Shape, Surface Surface, int Clients), StepResult> _results = [];

    public void Add(SearchShape shape, Surface surface, StepResult result) => _results[(shape.Name, surface, result.Clients)] = result;

    public int ErrorCount => _results.Values.Sum(r => r.ErrorCount);

    /// <summary>One progress line: per client count, req/s, p95 and failures.</summary>
    public string Summary(SearchShape shape, Surface surface, IEnumerable<int> clients) =>
        string.Join(", ", clients.Select(n => Get(shape, surface, n) is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{n} → {Rate(r)} req/s, p95 {(r.LatencyTicks.Length == 0 ? "–" : Ms(r.Percentile(95)))} ms{(r.ErrorCount > 0 ? $", {r.ErrorCount} failed" : "")}")
            : "–"));

    public string Render(IReadOnlyList<SearchShape> shapes, IReadOnlyList<int> clients, string header, IEnumerable<string> notes)
    {
        var md = new StringBuilder();
        md.AppendLine(header).AppendLine();
        md.AppendLine("| search shape | matched | clients | SQL req/s | SQL p50 / p95 / p99 ms | REST req/s | REST p50 / p95 / p99 ms | GraphQL req/s | GraphQL p50 / p95 / p99 ms | REST÷SQL req/s | REST÷SQL p95 | GraphQL÷REST req/s | GraphQL÷REST p95 | errors |");
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var shape in shapes)
        {
            foreach (var n in clients)
            {
                var sql = Get(shape, Surface.Sql, n);
                var rest = Get(shape, Surface.Rest, n);
                var graphQL = Get(shape, Surface.GraphQL, n);
                md.Append(CultureInfo.InvariantCulture, $"| {shape.Name} | {shape.Matched} | {n} ");
                md.Append(CultureInfo.InvariantCulture, $"| {Rate(sql)} | {Latency(sql)} | {Rate(rest)} | {Latency(rest)} | {Rate(graphQL)} | {Latency(graphQL)} ");
                md.Append(CultureInfo.InvariantCulture, $"| {Ratio(rest?.Throughput, sql?.Throughput)} | {Ratio(rest?.Percentile(95), sql?.Percentile(95))} ");
                md.Append(CultureInfo.InvariantCulture, $"| {Ratio(graphQL?.Throughput, rest?.Throughput)} | {Ratio(graphQL?.Percentile(95), rest?.Percentile(95))} ");
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Errors(sql, rest, graphQL)} |");
            }
        }

        md.AppendLine();
        foreach (var note in notes)
        {
            md.AppendLine(note);
        }

        return md.ToString();
    }

    private StepResult? Get(SearchShape shape, Surface surface, int clients) =>
        _results.GetValueOrDefault((shape.Name, surface, clients));

    private static string Rate(StepResult? r) => r is null ? "–" : r.Throughput.ToString(r.Throughput < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Latency(StepResult? r) =>
        r is null ? "–" : r.LatencyTicks.Length == 0 ? "no answer" : string.Create(CultureInfo.InvariantCulture, $"{Ms(r.Percentile(50))} / {Ms(r.Percentile(95))} / {Ms(r.Percentile(99))}");

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Ratio(double? a, double? b) =>
        a is { } x && b is { } y && y > 0 && !double.IsNaN(x) && !double.IsNaN(y) ? (x / y).ToString("F2", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Errors(params StepResult?[] results)
    {
        var parts = results.Zip(SurfaceNames)
            .Where(x => x.First is { ErrorCount: > 0 })
            .Select(x => $"{x.Second}: " + string.Join(", ", x.First!.Errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} × {e.Key}"))));
        var text = string.Join("; ", parts);
        return text.Length == 0 ? "0" : $"**{text}**";
    }
}
