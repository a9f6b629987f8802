using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>The feed's searches: by postcode, each filter alone and combined, paging, and bad parameters.</summary>
public sealed class OrukFeedSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// Each service is found from its own postcode within 1000 m. A hidden home publishes only its outward code, which
    /// is not a searchable postcode: a person at the home's full postcode (known to the business, not to the feed) still
    /// finds it, because the coarse point is within about 710 m (half a 1 km cell's diagonal) of the home.
    /// </summary>
    [Fact]
    public async Task Each_service_is_found_within_1000_metres_of_its_own_postcode()
    {
        var client = api.CreateClient();
        await using var db = api.Database.CreateContext();
        var postcodes = (await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published)
                .Select(a => new { a.Id, a.Address.Postcode }).ToListAsync(TestContext.Current.CancellationToken))
            .ToDictionary(a => a.Id, a => a.Postcode?.Value);
        var services = await client.AllAsync("/services");
        Assert.Equal(postcodes.Count, services.Count);
        var hidden = 0;
        foreach (var service in services)
        {
            var id = service.Id();
            var published = service.Location().Array("addresses").Select(a => a.Str("postal_code")).SingleOrDefault();
            hidden += published is null ? 1 : 0;
            var postcode = published ?? postcodes[id];
            Assert.NotNull(postcode);
            var found = await client.AllAsync($"/service_at_locations?postcode={Uri.EscapeDataString(postcode)}&proximity=1000");
            Assert.True(found.Any(f => f.GetProperty("service_id").GetGuid() == id), $"{service.Str("name")} not found near {postcode}");
        }

        Assert.True(hidden > 0, "the sample should include hidden homes");
    }

    [Fact]
    public async Task Near_a_postcode_every_result_is_within_proximity_nearest_first()
    {
        var client = api.CreateClient();
        var point = (await client.GetJsonAsync("/api/v1/postcodes/RM16%202JT")).GetProperty("location");
        var origin = Geo.Point(point.GetProperty("longitude").GetDouble(), point.GetProperty("latitude").GetDouble());
        var all = await client.AllAsync("/service_at_locations");
        var near = await client.AllAsync("/service_at_locations?postcode=rm16%202jt&proximity=1500", perPage: 5);
        Assert.NotEmpty(near);
        Assert.True(near.Count < all.Count);
        var distances = near.Select(n => Geo.HaversineMetres(origin, Geo.Point(
            n.GetProperty("location").GetProperty("longitude").GetDouble(), n.GetProperty("location").GetProperty("latitude").GetDouble()))).ToList();
        Assert.All(distances, d => Assert.True(d <= 1600, $"{d} m away"));
    }

    [Theory]
    [InlineData("/services", "search=lunch")]
    [InlineData("/services", "day=MO")]
    [InlineData("/services", "day=saturday&start_time=10:30")]
    [InlineData("/services", "start_time=18:00&end_time=21:00")]
    [InlineData("/service_at_locations", "pcn=U81042")]
    [InlineData("/service_at_locations", "search=walk&pcn=U81042")]
    public async Task Each_filter_narrows(string path, string filter)
    {
        var client = api.CreateClient();
        var all = await client.AllAsync(path);
        var some = await client.AllAsync($"{path}?{filter}");
        Assert.NotEmpty(some);
        Assert.True(some.Count < all.Count, $"{filter} kept all {all.Count}");
        Assert.Equal(some.Count, some.Select(s => s.Id()).Distinct().Count());
        Assert.Subset(all.Select(s => s.Id()).ToHashSet(), some.Select(s => s.Id()).ToHashSet());
        if (filter.Contains("day=", StringComparison.Ordinal) || filter.Contains("_time", StringComparison.Ordinal))
        {
            var day = filter.Contains("day=MO", StringComparison.Ordinal) ? "MO" : filter.Contains("saturday", StringComparison.Ordinal) ? "SA" : null;
            var query = filter.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            var from = query.TryGetValue("start_time", out var s) ? s : "00:00";
            var to = query.TryGetValue("end_time", out var e) ? e : "24:00";
            Assert.All(some, service => Assert.Contains(service.Array("schedules"), schedule =>
                (day is null || schedule.Str("byday").Contains(day, StringComparison.Ordinal))
                && string.CompareOrdinal(schedule.Str("opens_at"), to) < 0 && string.CompareOrdinal(schedule.Str("closes_at"), from) > 0));
        }
    }

    [Fact]
    public async Task Taxonomy_and_organization_filters_keep_exactly_the_services_that_carry_them()
    {
        var client = api.CreateClient();
        var all = await client.AllAsync("/services");
        var terms = await client.AllAsync("/taxonomy_terms");
        foreach (var slug in new[] { "lunch-clubs", "activity", "micro-enterprise" })
        {
            var term = terms.Single(t => t.Str("term") == slug).Id();
            var expected = all.Where(s => s.TermIds().Contains(term)).Select(s => s.Id()).ToHashSet();
            Assert.NotEmpty(expected);
            Assert.True(expected.Count < all.Count);
            var found = (await client.AllAsync($"/services?taxonomy_term_id={term}")).Select(s => s.Id()).ToHashSet();
            Assert.Equal(expected, found);
        }

        // A parent category includes its children.
        var food = terms.Single(t => t.Str("term") == "food-and-meals");
        var family = terms.Where(t => t.Id() == food.Id() || (t.TryGetProperty("parent_id", out var p) && p.GetGuid() == food.Id())).Select(t => t.Id()).ToHashSet();
        var inFamily = all.Where(s => s.TermIds().Any(family.Contains)).Select(s => s.Id()).ToHashSet();
        SameSet(inFamily, (await client.AllAsync($"/services?taxonomy_term_id={food.Id()}")).Select(s => s.Id()));

        var provider = all.GroupBy(s => s.GetProperty("organization_id").GetGuid()).OrderByDescending(g => g.Count()).First();
        Assert.True(provider.Count() > 1, "a provider with several services");
        var byOrganization = await client.AllAsync($"/services?organization_id={provider.Key}");
        SameSet(provider.Select(s => s.Id()), byOrganization.Select(s => s.Id()));
        var organization = await client.GetJsonAsync($"{OrukFeed.Root}/organizations/{provider.Key}");
        Assert.Equal(provider.Count(), organization.Array("services").Count());

        // Filters combine with AND.
        var lunchClubs = terms.Single(t => t.Str("term") == "lunch-clubs").Id();
        var both = await client.AllAsync($"/services?taxonomy_term_id={lunchClubs}&day=friday");
        var fridays = (await client.AllAsync("/services?day=friday")).Select(s => s.Id()).ToHashSet();
        var lunches = (await client.AllAsync($"/services?taxonomy_term_id={lunchClubs}")).Select(s => s.Id()).ToHashSet();
        SameSet(fridays.Intersect(lunches), both.Select(s => s.Id()));
    }

    [Fact]
    public async Task Ages_are_checked_but_narrow_nothing_as_no_service_records_an_age_limit()
    {
        var client = api.CreateClient();
        var all = await client.AllAsync("/services");
        Assert.Equal(all.Count, (await client.AllAsync("/services?minimum_age=70&maximum_age=90")).Count);
        Assert.All(all, s => Assert.False(s.TryGetProperty("minimum_age", out _)));
    }

    [Fact]
    public async Task Paging_loses_and_repeats_nothing()
    {
        var client = api.CreateClient();
        var whole = (await client.AllAsync("/services", perPage: 100)).Select(s => s.Id()).ToList();
        foreach (var size in new[] { 1, 7, 10 })
        {
            var paged = (await client.AllAsync("/services", perPage: size)).Select(s => s.Id()).ToList();
            Assert.Equal(whole, paged);
        }

        var past = await client.GetJsonAsync($"{OrukFeed.Root}/services?per_page=10&page=999");
        Assert.True(past.GetProperty("empty").GetBoolean());
        Assert.Equal(0, past.GetProperty("size").GetInt32());
    }

    [Theory]
    [InlineData("/services?per_page=0", "per_page")]
    [InlineData("/services?per_page=101", "per_page")]
    [InlineData("/services?page=0", "page")]
    [InlineData("/services?page=x", "page")]
    [InlineData("/services?modified_after=yesterday", "modified_after")]
    [InlineData("/services?day=someday", "day")]
    [InlineData("/services?start_time=25:00", "start_time")]
    [InlineData("/services?start_time=10:00&end_time=09:00", "end_time")]
    [InlineData("/services?taxonomy_term_id=nope", "taxonomy_term_id")]
    [InlineData("/services?organization_id=nope", "organization_id")]
    [InlineData("/services?minimum_age=-1", "minimum_age")]
    [InlineData("/service_at_locations?postcode=RM16%202JT&proximity=0", "proximity")]
    [InlineData("/service_at_locations?postcode=NOT-A-POSTCODE", "postcode")]
    [InlineData("/service_at_locations?pcn=", "pcn")]
    [InlineData("/organizations?per_page=0", "per_page")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var response = await api.CreateClient().GetAsync(OrukFeed.Root + url, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/services/01a22dde-6869-7d8f-975a-5bcebd8c7086")]
    [InlineData("/services/not-a-uuid")]
    [InlineData("/organizations/01a22dde-6869-7d8f-975a-5bcebd8c7086")]
    [InlineData("/taxonomy_terms/01a22dde-6869-7d8f-975a-5bcebd8c7086")]
    [InlineData("/services?taxonomy_term_id=01a22dde-6869-7d8f-975a-5bcebd8c7086")]
    public async Task An_unknown_id_is_a_404_problem(string url)
    {
        var response = await api.CreateClient().GetAsync(OrukFeed.Root + url, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static void SameSet(IEnumerable<Guid> expected, IEnumerable<Guid> actual) => Assert.Equal(expected.Order(), actual.Order());
}
