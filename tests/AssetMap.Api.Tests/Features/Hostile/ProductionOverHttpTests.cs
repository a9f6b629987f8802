using System.Net.Http.Headers;

namespace AssetMap.Api.Tests.Features.Hostile;

/// <summary>
/// The hostile URLs over real HTTP to Kestrel, including those TestServer cannot carry (a path holding %00). Kestrel
/// refuses some requests itself before the app runs (a path decoding to NUL: 400; a request line over its 8 KB limit:
/// 414), with no body at all; everything the app answers must still be a problem document.
/// </summary>
public sealed class ProductionOverHttpTests(KestrelProductionApi api) : IClassFixture<KestrelProductionApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_urls_over_http_get_no_5xx_and_no_internals()
    {
        var problems = new List<string>();
        var client = api.CreateClient();
        foreach (var (url, graphql) in HostileInput.RestUrls())
        {
            foreach (var accept in HostileInput.AcceptHeaders)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (accept is not null)
                {
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                }

                var response = await client.SendAsync(request, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (body.Length == 0 && (int)response.StatusCode is 400 or 414 or 431)
                {
                    continue; // Kestrel's own refusal: no app code ran, nothing to leak.
                }

                problems.AddRange(HostileInput.Problems($"GET {url[..Math.Min(url.Length, 120)]} (Accept: {accept ?? "none"})", response, body, graphql));
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} bad answers:\n{string.Join("\n", problems.Take(40))}");
    }
}
