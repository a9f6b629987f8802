using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features;

public sealed class AssetEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_sample_hub_is_returned_with_its_hub_fields()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var hub = await db.Hubs.AsNoTracking().Include(h => h.Categories)
            .FirstAsync(h => h.Status == AssetStatus.Published && h.Name == "Aveley Village Hub", Ct);

        var response = await client.GetAsync($"/api/v1/assets/{hub.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(hub.Id.ToString(), body.GetProperty("id").GetString());
        Assert.Equal("hub", body.GetProperty("kind").GetString());
        Assert.Equal("aveley-village-hub", body.GetProperty("slug").GetString());
        Assert.Equal(51.5007, body.GetProperty("location").GetProperty("latitude").GetDouble(), 4);
        Assert.Equal(0.2577, body.GetProperty("location").GetProperty("longitude").GetDouble(), 4);
        Assert.Equal("RM15 4NA", body.GetProperty("address").GetProperty("postcode").GetString());
        Assert.Equal("U81041", body.GetProperty("pcnAreaCode").GetString());
        Assert.Equal("Mo-Fr 09:00-16:00; Sa 10:00-12:00", body.GetProperty("hub").GetProperty("openingHours").GetString());
        Assert.Contains("Community hubs", body.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(body.TryGetProperty("activity", out _));
    }

    [Fact]
    public async Task An_activity_carries_its_schedule_and_venue()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var activity = await db.Activities.AsNoTracking().FirstAsync(a => a.Status == AssetStatus.Published && a.VenueId != null, Ct);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{activity.Id}", Ct);

        var details = body.GetProperty("activity");
        Assert.Equal(activity.Schedule.Rule, details.GetProperty("schedule").GetProperty("rule").GetString());
        Assert.Equal("Europe/London", details.GetProperty("schedule").GetProperty("timeZone").GetString());
        Assert.Equal(activity.VenueId.ToString(), details.GetProperty("venue").GetProperty("id").GetString());
        Assert.Equal(5, details.GetProperty("schedule").GetProperty("nextSessions").GetArrayLength());
    }

    [Fact]
    public async Task A_home_based_business_shows_its_service_area_not_its_home()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var enterprise = await db.MicroEnterprises.AsNoTracking()
            .FirstAsync(m => m.Status == AssetStatus.Published && m.HomeBased && !m.ShowsHomeLocation && m.ServiceRadiusMetres != null, Ct);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{enterprise.Id}", Ct);

        Assert.True(body.GetProperty("locationIsApproximate").GetBoolean());
        Assert.NotEqual(enterprise.Location.Y, body.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.False(body.GetProperty("address").TryGetProperty("line", out _));
        Assert.Equal(enterprise.Address.Postcode!.Outward, body.GetProperty("address").GetProperty("postcode").GetString());
        var centre = body.GetProperty("microEnterprise").GetProperty("serviceArea").GetProperty("centre");
        Assert.NotEqual(enterprise.Location.Y, centre.GetProperty("latitude").GetDouble());
        Assert.Equal(enterprise.ServiceRadiusMetres, body.GetProperty("microEnterprise").GetProperty("serviceArea").GetProperty("radiusMetres").GetInt32());
    }

    [Theory]
    [InlineData(AssetStatus.Draft)]
    [InlineData(AssetStatus.Archived)]
    public async Task Unpublished_assets_are_not_found(AssetStatus status)
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var id = await db.Assets.Where(a => a.Status == status).Select(a => a.Id).FirstAsync(Ct);

        var response = await client.GetAsync($"/api/v1/assets/{id}", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Time_bank_members_are_never_assets()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var memberId = await db.TimeBankMembers.Select(m => m.Id).FirstAsync(Ct);

        var response = await client.GetAsync($"/api/v1/assets/{memberId}", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Not%20A%20Slug!")]
    [InlineData("a_b")]
    [InlineData("%27%3B%20drop%20table%20assets%3B--")]
    public async Task A_malformed_id_or_slug_is_a_400_naming_it(string idOrSlug)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/assets/{idOrSlug}", Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("idOrSlug", out _));
    }

    [Fact]
    public async Task A_well_formed_slug_that_names_nothing_is_a_404()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/assets/not-a-uuid", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assets_are_found_by_slug_and_per_kind_endpoints_only_serve_their_kind()
    {
        var client = api.CreateClient();

        var bySlug = await client.GetFromJsonAsync<JsonElement>("/api/v1/assets/aveley-village-hub", Ct);
        var asHub = await client.GetAsync("/api/v1/hubs/aveley-village-hub", Ct);
        var asActivity = await client.GetAsync("/api/v1/activities/aveley-village-hub", Ct);

        Assert.Equal("Aveley Village Hub", bySlug.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, asHub.StatusCode);
        await ProblemAssert.IsProblemAsync(asActivity, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Details_carry_an_etag_and_a_matching_conditional_get_is_a_304()
    {
        var client = api.CreateClient();

        var first = await client.GetAsync("/api/v1/assets/aveley-village-hub", Ct);
        var etag = first.Headers.ETag;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assets/aveley-village-hub");
        conditional.Headers.IfNoneMatch.Add(etag!);
        var second = await client.SendAsync(conditional, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assets/aveley-village-hub");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));
        var third = await client.SendAsync(stale, Ct);

        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(etag, third.Headers.ETag);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/assets/{Guid.CreateVersion7()}", Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Asset not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/nothing-here", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Swagger_describes_the_asset_endpoint()
    {
        var client = api.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json", Ct);
        var ui = await client.GetAsync("/swagger/index.html", Ct);

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/assets/{idOrSlug}", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/assets", out _));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
