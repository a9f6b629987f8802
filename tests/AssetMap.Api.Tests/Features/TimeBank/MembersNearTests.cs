using System.Net;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Members near a person over REST and the signed-in GraphQL schema, on the sample.</summary>
public sealed class MembersNearTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // From the sample: the nearest gardeners to RM16 4DZ are Sam J. and Ivy M. (RM17 6SX, ~2 km from their cell
    // centre); nobody offering gardening lives within 1 km of it.
    private const string PersonPostcode = "RM16 4DZ";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_practitioner_finds_a_gardener_in_the_1_to_3_km_band()
    {
        var page = await api.As(Roles.Practitioner).GetJsonAsync($"/api/v1/timebank/near?postcode={Uri.EscapeDataString(PersonPostcode)}&skill=gardening");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var first = items[0];
        Assert.Equal("1–3 km", first.GetProperty("distance").GetString());
        Assert.Contains(items.Where(i => i.GetProperty("distance").GetString() == "1–3 km").Select(Name), n => n is "Ivy M." or "Sam J.");
        Assert.DoesNotContain(items, i => i.GetProperty("distance").GetString() == "under 1 km");
        Assert.All(items, i => Assert.Contains(i.GetProperty("skills").EnumerateArray(), s => s.GetProperty("slug").GetString() == "gardening"));
        Assert.All(items, i => Assert.Equal("gardening", i.GetProperty("skills")[0].GetProperty("slug").GetString()));
        Assert.Equal("Contact through the broker", first.GetProperty("contact").GetString());
        Assert.Equal("Jo Adeyemi", first.GetProperty("broker").GetProperty("name").GetString());
        Assert.Equal("timebank@example.org", first.GetProperty("broker").GetProperty("email").GetString());
        Assert.Equal("10 km", page.GetProperty("maxDistance").GetString());
        Assert.Equal(items.Count, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Results_carry_only_band_name_skills_availability_and_the_broker()
    {
        var page = await api.As(Roles.Broker).GetJsonAsync("/api/v1/timebank/near?postcode=RM17%206SX");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 10, $"expected many members near Grays, got {items.Count}");
        Assert.All(items, i => Assert.Equal(
            ["availability", "broker", "contact", "displayName", "distance", "skills"],
            i.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.All(items, i => Assert.Equal(["email", "name", "phone", "timeBank"], i.GetProperty("broker").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Results_are_ordered_by_band_then_name_and_page_without_overlap()
    {
        var client = api.As(Roles.Practitioner);
        var all = (await client.GetJsonAsync("/api/v1/timebank/near?lat=51.48&lon=0.33&pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(all.Count > 10, $"expected many members, got {all.Count}");
        string[] bands = ["under 1 km", "1–3 km", "3–5 km", "over 5 km"];
        var keys = all.Select(i => (Band: Array.IndexOf(bands, i.GetProperty("distance").GetString()), Name: Name(i))).ToList();
        Assert.DoesNotContain(keys, k => k.Band < 0);
        Assert.Equal(keys.OrderBy(k => k.Band).ThenBy(k => k.Name, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, false)).Select(k => k.Band), keys.Select(k => k.Band));
        Assert.True(keys.Select(k => k.Band).Distinct().Count() >= 2, "the sample should give more than one band from Grays");

        var paged = new List<string?>();
        for (var p = 1; p <= 5; p++)
        {
            paged.AddRange((await client.GetJsonAsync($"/api/v1/timebank/near?lat=51.48&lon=0.33&pageSize=10&page={p}")).GetProperty("items").EnumerateArray().Select(Name));
        }

        Assert.Equal(all.Select(Name).Take(paged.Count), paged);
    }

    [Fact]
    public async Task A_top_level_category_matches_members_offering_its_subcategories()
    {
        var client = api.As(Roles.Practitioner);
        var parent = (await client.GetJsonAsync("/api/v1/timebank/near?postcode=RM17%206SX&skill=home-and-garden")).GetProperty("items").EnumerateArray().Select(Name).ToList();
        var child = (await client.GetJsonAsync("/api/v1/timebank/near?postcode=RM17%206SX&skill=gardening")).GetProperty("items").EnumerateArray().Select(Name).ToList();
        Assert.NotEmpty(child);
        Assert.Superset(child.ToHashSet(), parent.ToHashSet());
    }

    [Theory]
    [InlineData("/api/v1/timebank/near", "postcode", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=not-a-postcode", "postcode", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=ZZ99%209ZZ", "postcode", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/timebank/near?lat=51.48", "lon", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?lat=91&lon=0.3", "lat", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=RM17%206SX&lat=51.4&lon=0.3", "postcode", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=RM17%206SX&skill=knitting-circles", "skill", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=RM17%206SX&page=0", "page", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=RM17%206SX&page=5000", "page", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/timebank/near?postcode=RM17%206SX&pageSize=51", "pageSize", HttpStatusCode.BadRequest)]
    public async Task Bad_input_is_a_problem_naming_the_field(string url, string field, HttpStatusCode status)
    {
        var problem = await ProblemAssert.IsProblemAsync(await api.As(Roles.Practitioner).GetAsync(url, Ct), status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{url}: {problem}");
    }

    [Fact]
    public async Task Only_practitioners_brokers_and_admins_may_ask()
    {
        const string url = "/api/v1/timebank/near?postcode=RM17%206SX";
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.As(null).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(Roles.Editor).GetAsync(url, Ct)).StatusCode);
        var ok = await api.As(Roles.Practitioner).GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("no-store", ok.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQL_authorised_answers_what_REST_answers()
    {
        var rest = (await api.As(Roles.Practitioner).GetJsonAsync($"/api/v1/timebank/near?postcode={Uri.EscapeDataString(PersonPostcode)}&skill=gardening&pageSize=5"))
            .GetProperty("items").EnumerateArray().Select(i => (Name(i), i.GetProperty("distance").GetString())).ToList();
        Assert.NotEmpty(rest);

        var (status, body) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync("""
            query($p: String) { timeBankMembersNear(postcode: $p, skill: "gardening", first: 5) {
              totalCount maxDistance brokers { name }
              edges { cursor node { displayName distance distanceLabel skills { slug name } availability contact broker { timeBank name email phone } } } } }
            """, new { p = PersonPostcode });
        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var connection = body.GetProperty("data").GetProperty("timeBankMembersNear");
        var nodes = connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(rest, [.. nodes.Select(n => (n.GetProperty("displayName").GetString(), n.GetProperty("distanceLabel").GetString()))]);
        Assert.Equal("ONE_TO_THREE_KM", nodes[0].GetProperty("distance").GetString());
        Assert.Equal("Jo Adeyemi", connection.GetProperty("brokers")[0].GetProperty("name").GetString());

        // The next page through the cursor carries on where REST's page 2 does.
        var after = connection.GetProperty("edges")[0].GetProperty("cursor").GetString();
        var (_, next) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync(
            "query($p: String, $a: String) { timeBankMembersNear(postcode: $p, skill: \"gardening\", first: 1, after: $a) { edges { node { displayName } } } }",
            new { p = PersonPostcode, a = after });
        Assert.Equal(rest[1].Item1, next.GetProperty("data").GetProperty("timeBankMembersNear").GetProperty("edges")[0].GetProperty("node").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task GraphQL_authorised_refuses_bad_input_naming_the_argument()
    {
        var (_, body) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync("{ timeBankMembersNear(skill: \"gardening\") { totalCount } }");
        var error = body.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(error.GetProperty("extensions").GetProperty("data").GetProperty("arguments").TryGetProperty("postcode", out _), error.ToString());

        var (_, badSkill) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync("{ timeBankMembersNear(postcode: \"RM17 6SX\", skill: \"nope\") { totalCount } }");
        Assert.True(badSkill.GetProperty("errors")[0].GetProperty("extensions").GetProperty("data").GetProperty("arguments").TryGetProperty("skill", out _), badSkill.ToString());
    }

    [Fact]
    public async Task GraphQL_authorised_is_for_practitioners_only_and_the_public_schema_has_no_members()
    {
        const string query = "{ __typename }";
        Assert.Equal(401, (await api.As(null).AuthorisedGraphQLAsync(query)).Status);
        Assert.Equal(403, (await api.As(Roles.Editor).AuthorisedGraphQLAsync(query)).Status);
        Assert.Equal(200, (await api.As(Roles.Admin).AuthorisedGraphQLAsync(query)).Status);

        // The public endpoint does not know the field, even for a signed-in practitioner.
        var response = await api.As(Roles.Practitioner).PostAsync("/graphql",
            System.Net.Http.Json.JsonContent.Create(new { query = "{ timeBankMembersNear(postcode: \"RM17 6SX\") { totalCount } }" }), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, body.ToString());
        Assert.Contains("timeBankMembersNear", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authorised_schema_keeps_the_public_cost_limits()
    {
        var aliases = string.Join(" ", Enumerable.Range(0, 25).Select(i => $"a{i}: timeBankMembersNear(postcode: \"RM17 6SX\") {{ totalCount }}"));
        var (_, body) = await api.As(Roles.Practitioner).AuthorisedGraphQLAsync("{ " + aliases + " }");
        Assert.Equal("QUERY_TOO_COSTLY", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static string? Name(JsonElement item) => item.GetProperty("displayName").GetString();
}
