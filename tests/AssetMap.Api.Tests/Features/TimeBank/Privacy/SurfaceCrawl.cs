using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.TimeBank.Privacy;

/// <summary>One fetched answer: what was asked, the status and the body as text.</summary>
internal sealed record Fetched(string Request, int Status, string Body, string Endpoint);

/// <summary>
/// Fetches every GET surface a caller may use, enumerated from the app's own <see cref="EndpointDataSource"/> (a new
/// endpoint is crawled without anyone listing it): route values filled with real sample keys and with every member's id
/// and reference; lists searched over a grid covering the whole sample area at the largest radius, by every kind, every
/// category, every word of the members' own texts, and near sample postcodes; REST URLs also as <c>.geojson</c>.
/// </summary>
internal sealed class SurfaceCrawl(IServiceProvider services, Func<HttpClient> client, CrawlInputs inputs)
{
    /// <summary>The GET (or any-method page) endpoints a caller may use (by the endpoint's authorisation data).</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints(Func<IReadOnlyList<IAuthorizeData>, bool> allowed) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods || methods.Contains("GET"))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || allowed(e.Metadata.GetOrderedMetadata<IAuthorizeData>()))];

    public static string Key(RouteEndpoint e) => "/" + e.RoutePattern.RawText?.TrimStart('/');

    /// <summary>Every URL the crawl asks of <paramref name="endpoint"/>.</summary>
    public IEnumerable<string> Urls(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern;
        foreach (var (path, real) in Fill(pattern))
        {
            yield return path;

            // Lists take the searches: parameterless ones, and a real PCN area's assets (a forged key is a 404 already).
            var isList = pattern.Parameters.Count == 0 || (real && path.EndsWith("/assets", StringComparison.Ordinal));
            if (!isList)
            {
                continue;
            }

            foreach (var query in inputs.Queries)
            {
                yield return path.TrimEnd('/') + (path.Length > 1 ? "" : "/") + "?" + query;
            }
        }
    }

    /// <summary>The REST URLs' GeoJSON twins.</summary>
    public static string? GeoJson(string url)
    {
        if (!url.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return null;
        }

        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = (q < 0 ? url : url[..q]).TrimEnd('/');
        return path + ".geojson" + (q < 0 ? "" : url[q..]);
    }

    private IEnumerable<(string Path, bool Real)> Fill(RoutePattern pattern)
    {
        var raw = "/" + pattern.RawText!.TrimStart('/');
        if (pattern.Parameters.Count == 0)
        {
            yield return (raw, true);
            yield break;
        }

        // One parameter at a time is enough: no anonymous route here takes two.
        var parameter = pattern.Parameters[0];
        var placeholder = raw[raw.IndexOf('{', StringComparison.Ordinal)..(raw.IndexOf('}', StringComparison.Ordinal) + 1)];
        var values = inputs.RealValues.TryGetValue(parameter.Name, out var real) ? real : [];
        foreach (var value in values)
        {
            yield return (raw.Replace(placeholder, Uri.EscapeDataString(value), StringComparison.Ordinal), true);
        }

        foreach (var value in inputs.MemberKeys)
        {
            yield return (raw.Replace(placeholder, Uri.EscapeDataString(value), StringComparison.Ordinal), false);
        }
    }

    /// <summary>Fetches <paramref name="url"/>; the body is kept as text whatever its type.</summary>
    public async Task<Fetched> GetAsync(string url, string endpoint)
    {
        using var http = client();
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        return new(url, (int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), endpoint);
    }

    public async Task<Fetched> PostGraphQLAsync(string path, string query)
    {
        using var http = client();
        using var response = await http.PostAsync(path, JsonContent.Create(new { query }), TestContext.Current.CancellationToken);
        return new(path + " " + query, (int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "POST " + path);
    }

    /// <summary>The GraphQL documents: searches over the grid, by kind, category and word, and forged node ids.</summary>
    public IEnumerable<string> GraphQLDocuments(IReadOnlyList<string> globalIdTypes)
    {
        const string fields = "totalCount edges { node { __typename id uuid slug name summary description postcode location { latitude longitude } locationIsApproximate distanceMetres contact { phone email website } categories { slug } } }";
        foreach (var (lat, lon) in inputs.Grid)
        {
            yield return $"{{ assets(near: {{ latitude: {Num(lat)}, longitude: {Num(lon)} }}, radiusMetres: 50000, first: 100) {{ {fields} }} }}";
        }

        foreach (var kind in new[] { "HUB", "MICRO_ENTERPRISE", "ACTIVITY" })
        {
            yield return $"{{ assets(kinds: [{kind}], first: 100) {{ {fields} }} }}";
        }

        foreach (var category in inputs.Categories)
        {
            yield return $"{{ assets(categories: [\"{category}\"], first: 100) {{ {fields} }} }}";
        }

        foreach (var word in inputs.Words)
        {
            yield return $"{{ assets(text: \"{word}\", first: 100) {{ {fields} }} }}";
        }

        yield return "{ pcnAreas { code name assets(first: 10) { totalCount edges { node { id name location { latitude longitude } } } } } categories { slug name assetCount } }";

        // Forged ids: every global-id type the schema uses (and a few it might), keyed by each member's id and reference.
        var forged = inputs.MemberKeys
            .SelectMany(key => globalIdTypes.Select(type => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"))))
            .Concat(inputs.MemberKeys)
            .ToList();
        foreach (var chunk in forged.Chunk(20))
        {
            yield return "{ " + string.Join(" ", chunk.Select((id, i) =>
                $"n{i}: node(id: \"{id}\") {{ __typename id ... on Asset {{ name location {{ latitude longitude }} }} }} a{i}: asset(id: \"{id}\") {{ id name }}")) + " }";
        }
    }

    public static string Num(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}

/// <summary>What the crawl searches with, built from the sample.</summary>
internal sealed class CrawlInputs
{
    /// <summary>A grid covering the whole sample area (Thurrock, about 51.45–51.55 N, 0.20–0.50 E) off the cell centres.</summary>
    public IReadOnlyList<(double Lat, double Lon)> Grid { get; init; } =
        [.. Enumerable.Range(0, 4).SelectMany(i => Enumerable.Range(0, 6).Select(j => (51.4537 + (i * 0.03), 0.2043 + (j * 0.06))))];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Words { get; init; } = [];

    public IReadOnlyList<string> Postcodes { get; init; } = [];

    /// <summary>Real route values by parameter name, so each detail endpoint is also crawled with something that exists.</summary>
    public IReadOnlyDictionary<string, string[]> RealValues { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Every member's id and reference, forged into every route value.</summary>
    public IReadOnlyList<string> MemberKeys { get; init; } = [];

    private static readonly string[] Kinds = ["hub", "micro-enterprise", "activity"];

    /// <summary>The query strings for list endpoints (each names the parameter under every surface's spelling).</summary>
    public IEnumerable<string> Queries =>
        Grid.Select(p => $"lat={SurfaceCrawl.Num(p.Lat)}&lon={SurfaceCrawl.Num(p.Lon)}&radius=50000&proximity=50000&distance=20&pageSize=100&per_page=100")
            .Concat(Kinds.Select(k => $"kind={k}&pageSize=100&per_page=100"))
            .Concat(Categories.Select(c => $"category={c}&need={c}&skill={c}&pageSize=100"))
            .Concat(Words.Select(w => $"q={Uri.EscapeDataString(w)}&search={Uri.EscapeDataString(w)}&pageSize=100&per_page=100"))
            .Concat(Postcodes.Select(p => $"postcode={Uri.EscapeDataString(p)}&where={Uri.EscapeDataString(p)}&need=home-and-garden&need=social-and-loneliness&distance=20&pageSize=100"))
            .Concat(["page=2&pageSize=100&per_page=100"]);
}
