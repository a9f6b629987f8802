using System.Collections.Concurrent;
using System.Text.Json;
using AssetMap.Api.Features.TimeBank.Near;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Spatial;
using Microsoft.AspNetCore.Routing;

namespace AssetMap.Api.Tests.Features.TimeBank.Privacy;

/// <summary>
/// The time bank's privacy invariants against real PostGIS and the whole pipeline: no anonymous surface shows a member;
/// a practitioner sees members only through the practitioner endpoints, banded, without ids, points or contact details;
/// and searching from many points cannot place a member more precisely than their stored ~1 km cell.
/// </summary>
public sealed class TimeBankPrivacyTests(PrivacyCrawlFixture fixture) : IClassFixture<PrivacyCrawlFixture>
{
    // Every global-id type the schemas hand out (GraphQL/GlobalId.cs callers) and the names a member type might have had.
    private static readonly string[] GlobalIdTypes = ["Hub", "MicroEnterprise", "SocialPrescribingActivity", "PcnArea", "Asset", "TimeBankMember", "Member", "TimeBankMemberNear"];

    private static readonly string[] Bands = ["under 1 km", "1–3 km", "3–5 km", "over 5 km"];

    [Fact]
    public async Task A_crawl_of_every_anonymous_surface_finds_no_member()
    {
        var crawl = new SurfaceCrawl(fixture.App.Services, () => fixture.Client(null), fixture.Inputs);
        var endpoints = crawl.Endpoints(auth => auth.Count == 0);
        var keys = endpoints.Select(SurfaceCrawl.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "/", "/near", "/areas", "/directory/{key}", "/api/v1/assets/", "/api/v1/assets/{idOrSlug}", "/openreferral/v3/services", "/graphql/" }, keys);
        Assert.DoesNotContain(keys, k => k.Contains("timebank", StringComparison.OrdinalIgnoreCase) || k.StartsWith("/graphql/authorised", StringComparison.Ordinal));

        var fetched = await CrawlAsync(crawl, endpoints, "/graphql");
        AssertCrawled(fetched, endpoints);
        AssertNoLeaks(fetched, _ => false);
    }

    [Fact]
    public async Task Signed_in_as_a_practitioner_members_appear_only_banded_through_the_practitioner_endpoints()
    {
        var crawl = new SurfaceCrawl(fixture.App.Services, () => fixture.Client(Roles.Practitioner), fixture.Inputs);
        var endpoints = crawl.Endpoints(auth => auth.All(a => a.Roles is null && a.Policy is null or AuthPolicies.Practitioner));
        var keys = endpoints.Select(SurfaceCrawl.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "/api/v1/timebank/near", "/timebank/near", "/graphql/authorised/", "/api/v1/assets/" }, keys);

        var fetched = await CrawlAsync(crawl, endpoints, "/graphql");
        fetched.AddRange(await CrawlAsync(crawl, [], "/graphql/authorised"));

        // The practitioner endpoints from every grid point, for any skill and a few.
        string[] skills = ["", "gardening", "home-and-garden", "befriending"];
        var near = fixture.Inputs.Grid.SelectMany(p => skills.Select(s => (p, s))).ToList();
        fetched.AddRange(await FetchAllAsync(near.Select(x => (Func<Task<Fetched>>)(() => crawl.GetAsync(
            $"/api/v1/timebank/near?lat={SurfaceCrawl.Num(x.p.Lat)}&lon={SurfaceCrawl.Num(x.p.Lon)}&skill={x.s}&pageSize=50", "/api/v1/timebank/near")))));
        fetched.AddRange(await FetchAllAsync(fixture.Inputs.Postcodes.SelectMany(p => skills.Select(s => (Func<Task<Fetched>>)(() => crawl.GetAsync(
            $"/timebank/near?postcode={Uri.EscapeDataString(p)}&skill={s}", "/timebank/near"))))));
        fetched.AddRange(await FetchAllAsync(fixture.Inputs.Grid.Select(p => (Func<Task<Fetched>>)(() => crawl.PostGraphQLAsync("/graphql/authorised",
            $"{{ timeBankMembersNear(near: {{ latitude: {SurfaceCrawl.Num(p.Lat)}, longitude: {SurfaceCrawl.Num(p.Lon)} }}, first: 50) {{ totalCount edges {{ node {{ displayName distance distanceLabel skills {{ slug name }} availability contact broker {{ name email phone }} }} }} }} }}")))));
        // The broker-only fields are refused to a practitioner, whatever else the document asks.
        fetched.Add(await crawl.PostGraphQLAsync("/graphql/authorised",
            "{ timeBankMembers(first: 50) { edges { node { id memberRef displayName postcodeSector offerDetails contactDetails } } } timeBankExchanges(first: 50) { edges { node { giver { id memberRef displayName } } } } }"));
        Assert.Contains("FORBIDDEN", fetched[^1].Body, StringComparison.Ordinal);
        AssertCrawled(fetched, endpoints);

        static bool PractitionerSurface(Fetched f) =>
            f.Endpoint.Contains("timebank", StringComparison.OrdinalIgnoreCase) || f.Endpoint.Contains("/graphql/authorised", StringComparison.Ordinal);
        AssertNoLeaks(fetched, PractitionerSurface);

        // Members do appear there (so the check above could fail), each with a band and nothing finer.
        var practitioner = fetched.Where(f => PractitionerSurface(f) && f.Status == 200).ToList();
        var seen = fixture.Secrets.DisplayNames.Where(n => practitioner.Any(f => f.Body.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.True(seen.Count >= 40, $"only {seen.Count} members were found by the practitioner crawl");
        Assert.Contains(PrivacyCrawlFixture.SentinelA, seen);
        var items = practitioner.Where(f => f.Request.StartsWith("/api/v1/timebank/near", StringComparison.Ordinal))
            .SelectMany(f => JsonDocument.Parse(f.Body).RootElement.GetProperty("items").EnumerateArray().ToList()).ToList();
        Assert.True(items.Count > 100, $"the practitioner crawl listed {items.Count} members");
        Assert.All(items, i => Assert.Contains(i.GetProperty("distance").GetString(), Bands));
        Assert.DoesNotContain(practitioner, f => f.Body.Contains("\"distanceMetres\"", StringComparison.Ordinal) && f.Endpoint.Contains("timebank", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Searches_from_a_dense_grid_place_a_member_no_closer_than_their_cell()
    {
        var cell = Geo.Coarsen(Geo.Point(PrivacyCrawlFixture.HomeA.Lon, PrivacyCrawlFixture.HomeA.Lat));
        Assert.Equal(cell, Geo.Coarsen(Geo.Point(PrivacyCrawlFixture.HomeB.Lon, PrivacyCrawlFixture.HomeB.Lat)));
        var homeA = Geo.Point(PrivacyCrawlFixture.HomeA.Lon, PrivacyCrawlFixture.HomeA.Lat);
        Assert.True(Geo.HaversineMetres(homeA, Geo.Point(PrivacyCrawlFixture.HomeB.Lon, PrivacyCrawlFixture.HomeB.Lat)) > 900, "the two homes should be far apart within the cell");

        // 25 × 25 points over about ±6.5 km around the cell: every band and the edge of the search's reach.
        var points = Enumerable.Range(0, 25).SelectMany(i => Enumerable.Range(0, 25).Select(j => (Lat: cell.Y - 0.06 + (i * 0.005), Lon: cell.X - 0.09 + (j * 0.0075)))).ToList();
        var crawl = new SurfaceCrawl(fixture.App.Services, () => fixture.Client(Roles.Practitioner), fixture.Inputs);
        var answers = await FetchAllAsync(points.Select(p => (Func<Task<Fetched>>)(() => crawl.GetAsync(
            $"/api/v1/timebank/near?lat={p.Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}&lon={p.Lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}&skill=befriending&pageSize=50", "near"))));
        Assert.Equal(points.Count, answers.Count);

        var observed = new HashSet<string?>();
        var homeWouldDiffer = 0;
        for (var k = 0; k < points.Count; k++)
        {
            var answer = answers.Single(a => a.Request.Contains($"lat={points[k].Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}&lon={points[k].Lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}&", StringComparison.Ordinal));
            Assert.Equal(200, answer.Status);
            var items = JsonDocument.Parse(answer.Body).RootElement.GetProperty("items").EnumerateArray().ToList();
            string? Band(string name) => items.Where(i => i.GetProperty("displayName").GetString() == name).Select(i => i.GetProperty("distance").GetString()).SingleOrDefault();
            var a = Band(PrivacyCrawlFixture.SentinelA);
            var b = Band(PrivacyCrawlFixture.SentinelB);

            // Two homes, one cell: identical answers from every point.
            Assert.Equal(a, b);

            // The answer is a function of the distance to the cell centre alone (points within 10 m of an edge are
            // skipped: the database's sphere and this haversine may round differently there).
            var point = Geo.Point(points[k].Lon, points[k].Lat);
            var toCell = Geo.HaversineMetres(point, cell);
            if (DistanceBands.Edges.Append(DistanceBands.MaxMetres).Any(edge => Math.Abs(edge - toCell) < 10))
            {
                continue;
            }

            var expected = toCell > DistanceBands.MaxMetres ? null : DistanceBands.Label(DistanceBands.Of(toCell));
            Assert.True(expected == a, $"from {points[k]} ({toCell:0} m from the cell centre) expected {expected ?? "absent"}, got {a ?? "absent"}");
            observed.Add(a);
            var toHome = Geo.HaversineMetres(point, homeA);
            if ((toHome > DistanceBands.MaxMetres ? null : DistanceBands.Label(DistanceBands.Of(toHome))) != a)
            {
                homeWouldDiffer++;
            }
        }

        Assert.True(observed.Count >= 4, $"the grid should cross every band, saw {string.Join(", ", observed)}");
        Assert.True(homeWouldDiffer > 0, "somewhere the home's band differs from the cell's: the answers follow the cell, not the home");
    }

    [Fact]
    public void The_leak_check_finds_each_kind_of_secret_as_the_api_would_write_it()
    {
        var secrets = fixture.Secrets;
        var cell = Geo.Coarsen(Geo.Point(PrivacyCrawlFixture.HomeA.Lon, PrivacyCrawlFixture.HomeA.Lat));
        string[] bodies =
        [
            JsonSerializer.Serialize(new { location = new { latitude = cell.Y, longitude = cell.X } }),
            JsonSerializer.Serialize(new { geometry = new { type = "Point", coordinates = new[] { cell.X, cell.Y } } }),
            $"<p>{PrivacyCrawlFixture.SentinelA}</p>",
            "Quokka grooming in my xylophone workshop",
            "call 07700 900123, zephyrine.private@example.org",
            JsonSerializer.Serialize(new { id = secrets.Ids[0] }),
            secrets.Refs[^1],
        ];
        Assert.All(bodies, body => Assert.NotEmpty(secrets.FoundIn(body, "/")));

        // What the request itself sent is an echo, not a leak.
        Assert.Empty(secrets.FoundIn($"No asset {secrets.Ids[0]}", $"/api/v1/assets/{secrets.Ids[0]}"));
        Assert.Empty(secrets.FoundIn("<p>Hub</p>", "/"));
    }

    private static async Task<List<Fetched>> CrawlAsync(SurfaceCrawl crawl, IReadOnlyList<RouteEndpoint> endpoints, string graphqlPath)
    {
        var work = new List<Func<Task<Fetched>>>();
        foreach (var endpoint in endpoints)
        {
            var key = SurfaceCrawl.Key(endpoint);
            if (key.StartsWith("/graphql/", StringComparison.Ordinal) && key != "/graphql/ui")
            {
                // GraphQL over GET: the same documents go by POST below.
                work.Add(() => crawl.GetAsync(key + "?query=%7B__typename%7D", key));
                continue;
            }

            foreach (var url in crawl.Urls(endpoint))
            {
                work.Add(() => crawl.GetAsync(url, key));
                if (SurfaceCrawl.GeoJson(url) is { } geojson)
                {
                    work.Add(() => crawl.GetAsync(geojson, key));
                }
            }
        }

        work.AddRange(crawl.GraphQLDocuments(GlobalIdTypes).Select(doc => (Func<Task<Fetched>>)(() => crawl.PostGraphQLAsync(graphqlPath, doc))));
        return await FetchAllAsync(work);
    }

    private static async Task<List<Fetched>> FetchAllAsync(IEnumerable<Func<Task<Fetched>>> work)
    {
        var results = new ConcurrentBag<Fetched>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (fetch, _) => results.Add(await fetch()));
        return [.. results];
    }

    private static void AssertCrawled(List<Fetched> fetched, IReadOnlyList<RouteEndpoint> endpoints)
    {
        Assert.True(fetched.Count > 2_000, $"the crawl fetched only {fetched.Count} responses");
        Assert.DoesNotContain(fetched, f => f.Status >= 500);
        var ok = fetched.Where(f => f.Status == 200).ToList();
        Assert.True(ok.Count > 1_000, $"only {ok.Count} of {fetched.Count} responses were 200");
        Assert.True(ok.Count(f => f.Request.Contains(".geojson", StringComparison.Ordinal)) > 100, "the GeoJSON variants were not crawled");
        Assert.True(ok.Count(f => f.Endpoint.StartsWith("POST /graphql", StringComparison.Ordinal) && f.Body.Contains("\"edges\":[{", StringComparison.Ordinal)) > 20, "GraphQL searches found nothing");
        var refused = fetched.Where(f => f.Endpoint.StartsWith("POST /graphql", StringComparison.Ordinal) && f.Status != 200 && !f.Body.Contains("FORBIDDEN", StringComparison.Ordinal)).ToList();
        Assert.True(refused.Count == 0, "GraphQL documents the crawl sent were refused: " + string.Join("\n", refused.Take(3).Select(f => f.Request + " → " + f.Body)));
        Assert.True(ok.Count(f => f.Body.Contains("<html", StringComparison.OrdinalIgnoreCase)) > 100, "the web pages were not crawled");
        TestContext.Current.TestOutputHelper?.WriteLine($"crawl: {fetched.Count} responses, {ok.Count} of them 200, over {endpoints.Count} endpoints");
        var fetchedEndpoints = fetched.Select(f => f.Endpoint).ToHashSet();
        var missed = endpoints.Select(SurfaceCrawl.Key).Where(k => !fetchedEndpoints.Contains(k)).ToList();
        Assert.True(missed.Count == 0, "endpoints not crawled: " + string.Join(", ", missed));
    }

    private void AssertNoLeaks(List<Fetched> fetched, Func<Fetched, bool> namesAllowed)
    {
        Assert.True(fixture.Secrets.Count > 150, $"only {fixture.Secrets.Count} secrets to look for");
        var leaks = fetched
            .SelectMany(f => fixture.Secrets.FoundIn(f.Body, f.Request, namesAllowed(f)).Select(secret => $"{f.Request} ({f.Status}): {secret}"))
            .Take(30).ToList();
        Assert.True(leaks.Count == 0, "member data found:\n" + string.Join("\n", leaks));
    }
}
