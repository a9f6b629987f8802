using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Tests.Features.Hostile;
using Microsoft.AspNetCore.Hosting;

namespace AssetMap.Api.Tests.Fuzz;

/// <summary>
/// Issue 9's standing fuzz suite: every run sends <see cref="DefaultCount"/> generated requests (REST from the committed
/// OpenAPI document, and GraphQL) to the Production pipeline over the sample, and every answer must be below 500, with a
/// problem document for every REST error and GraphQL errors for every GraphQL failure, and nothing internal in any body.
/// The requests come from one seed, fixed unless <c>ASSETMAP_FUZZ_SEED</c> says otherwise; it is printed, and each
/// failure prints its request, so a failure replays with the same seed (<c>ASSETMAP_FUZZ_REQUESTS</c> changes the count).
/// </summary>
public sealed class FuzzSuite(FuzzSuite.FuzzApi api) : IClassFixture<FuzzSuite.FuzzApi>
{
    public const int DefaultSeed = 20_261_130;
    public const int DefaultCount = 10_000;

    [Fact]
    public async Task Ten_thousand_generated_requests_get_no_5xx_and_every_error_is_a_problem_or_graphql_errors()
    {
        var seed = Setting("ASSETMAP_FUZZ_SEED", DefaultSeed);
        var count = Setting("ASSETMAP_FUZZ_REQUESTS", DefaultCount);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Fuzz seed {seed} ({count} requests); replay with ASSETMAP_FUZZ_SEED={seed}");
        Console.WriteLine($"AssetMap fuzz: seed {seed}, {count} requests (replay: ASSETMAP_FUZZ_SEED={seed})");

        // Generated up front from the one seed, so the set of requests does not depend on how the sends interleave.
        var rest = new RestFuzz(Path.Combine(Path.GetDirectoryName(TestSupport.SeedData.Directory)!, "openapi", "assetmap.v1.json"));
        var random = new Random(seed);
        var requests = Enumerable.Range(0, count).Select(i => i % 5 < 3 ? rest.Next(random) : GraphQLFuzz.Next(random)).ToList();

        var client = api.CreateClient();
        var problems = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, async (request, ct) =>
        {
            using var message = Build(request);
            using var response = await client.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            foreach (var problem in Check(request, response, body))
            {
                problems.Enqueue(problem);
            }
        });

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        output?.WriteLine($"{count} requests in {clock.Elapsed.TotalSeconds:0.0} s; statuses {summary}");
        Assert.True(rest.OperationCount >= 14, $"the OpenAPI document lists only {rest.OperationCount} operations");
        Assert.True(problems.IsEmpty, $"seed {seed}: {problems.Count} bad answers (replay with ASSETMAP_FUZZ_SEED={seed}):\n{string.Join("\n", problems.Take(30))}");
    }

    private static HttpRequestMessage Build(FuzzRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
        }

        return message;
    }

    private static IEnumerable<string> Check(FuzzRequest request, HttpResponseMessage response, string body)
    {
        if (request.Method == "HEAD")
        {
            return (int)response.StatusCode >= 500 ? [$"{request} → {(int)response.StatusCode}"] : [];
        }

        // A batch answers an array: each element is a GraphQL result of its own.
        if (request.GraphQL && body.StartsWith('['))
        {
            return (int)response.StatusCode >= 500 || !EveryElementIsAResult(body) ? [$"{request} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}"] : [];
        }

        return HostileInput.Problems(request.ToString(), response, body, request.GraphQL);
    }

    private static bool EveryElementIsAResult(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object && (e.TryGetProperty("data", out _) || e.TryGetProperty("errors", out _)));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Production over the sample; rate limits off, since one test process plays every client.</summary>
    public sealed class FuzzApi : ProductionApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:Enabled", "false");
        }
    }
}
