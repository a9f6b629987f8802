using System.Net;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;
using static AssetMap.Api.Tests.Features.Editing.EditingRequests;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>Create, replace, merge-patch and archive through the real pipeline, with ETags, history and the rules.</summary>
public sealed class EditingApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] NailCutting = ["Nail cutting"];

    [Fact]
    public async Task A_created_hub_is_placed_at_its_postcode_with_a_slug_a_pcn_area_an_etag_and_a_created_history_entry()
    {
        var client = api.CreateClient();

        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Tilbury Test Hub"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.JsonAsync();
        var id = record.GetProperty("id").GetGuid();
        Assert.Equal("tilbury-test-hub", record.GetProperty("slug").GetString());
        Assert.Equal("hub", record.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("pcnAreaCode").GetString()));
        Assert.Equal(51.4826, record.GetProperty("fields").GetProperty("location").GetProperty("latitude").GetDouble(), 4);
        Assert.Equal($"\"{record.GetProperty("version").GetUInt32()}\"", created.Headers.ETag?.ToString());

        // Public at once (published by default), and a second hub of the same name gets the town in its slug.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/assets/{id}", TestContext.Current.CancellationToken)).StatusCode);
        var again = await (await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Tilbury Test Hub"))).JsonAsync();
        Assert.Equal("tilbury-test-hub-grays", again.GetProperty("slug").GetString());

        var history = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/history", Editor)).JsonAsync();
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal("created", entry.GetProperty("action").GetString());
        Assert.Equal("dana", entry.GetProperty("actor").GetString());
        Assert.Equal("api", entry.GetProperty("source").GetString());
        Assert.Contains(entry.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "name" && c.GetProperty("after").GetString() == "Tilbury Test Hub");
    }

    [Fact]
    public async Task Rule_failures_are_422_naming_every_field_in_the_contracts_names()
    {
        var client = api.CreateClient();
        var bad = new
        {
            name = "Bad Hub",
            summary = "Bad.",
            categories = new[] { "no-such-need" },
            address = new { line = "1 Road", postcode = "RM17 5BN" },
            contact = new { phone = "12345", email = "not-an-email", website = "nowhere" },
            hub = new { openingHours = "Mondays" },
        };

        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, bad);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("address.town", fields);
        Assert.Contains("contact.phone", fields);
        Assert.Contains("contact.email", fields);
        Assert.Contains("contact.website", fields);
        Assert.Contains("categories", fields);

        // The domain's own rules (Asset.ApplyProfile, OpeningHours) through the same path.
        var noName = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, new
        {
            name = "",
            summary = "x",
            address = new { town = "Grays", postcode = "RM17 5BN" },
            hub = new { openingHours = "Mondays" },
        });
        var noNameProblem = await ProblemAssert.IsProblemAsync(noName, HttpStatusCode.UnprocessableEntity);
        Assert.True(noNameProblem.GetProperty("errors").TryGetProperty("hub.openingHours", out _));
        var fixedHours = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, new { name = "", summary = "x", address = new { town = "Grays", postcode = "RM17 5BN" } });
        Assert.Equal("name", (await ProblemAssert.IsProblemAsync(fixedHours, HttpStatusCode.UnprocessableEntity)).GetProperty("field").GetString());

        var activity = await client.SendAsync(HttpMethod.Post, "/api/v1/activities", Editor, new { name = "Walk", summary = "A walk.", address = new { town = "Grays", postcode = "RM17 5BN" }, activity = new { provider = "Walkers" } });
        Assert.True((await ProblemAssert.IsProblemAsync(activity, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("activity.schedule", out _));
    }

    [Fact]
    public async Task Unreadable_bodies_are_400_naming_the_member_never_500()
    {
        var client = api.CreateClient();

        var unknown = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, """{"name":"X","summary":"Y","adress":{"town":"Grays"}}""");
        Assert.True((await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("adress", out _));

        var wrongType = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, """{"name":"X","wheelchairAccessible":"very"}""");
        Assert.True((await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("wheelchairAccessible", out _));

        var notJson = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, "{not json");
        await ProblemAssert.IsProblemAsync(notJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_needs_if_match_replaces_with_a_new_etag_and_history_records_before_and_after()
    {
        var client = api.CreateClient();
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Put Test Hub"));
        var record = await created.JsonAsync();
        var id = record.GetProperty("id").GetGuid();
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(record.GetProperty("fields").GetRawText())!;
        fields["contact"] = JsonSerializer.SerializeToElement(new { phone = "01632 960999", email = "hub@example.org" });

        var blind = await client.SendAsync(HttpMethod.Put, $"/api/v1/assets/{id}", Editor, fields);
        Assert.Equal("If-Match", (await ProblemAssert.IsProblemAsync(blind, (HttpStatusCode)428)).GetProperty("field").GetString());

        var put = await client.SendAsync(HttpMethod.Put, $"/api/v1/assets/{id}", Editor, fields, created.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.NotEqual(created.Headers.ETag, put.Headers.ETag);
        Assert.Equal("01632 960999", (await put.JsonAsync()).GetProperty("fields").GetProperty("contact").GetProperty("phone").GetString());
        var history = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/history", Editor)).JsonAsync();
        var latest = history.EnumerateArray().First();
        Assert.Equal("updated", latest.GetProperty("action").GetString());
        Assert.Equal("api", latest.GetProperty("source").GetString());
        var change = Assert.Single(latest.GetProperty("changes").EnumerateArray());
        Assert.Equal("contact.phone", change.GetProperty("field").GetString());
        Assert.Equal("01632 960001", change.GetProperty("before").GetString());
        Assert.Equal("01632 960999", change.GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_lost_update_is_412_with_the_current_record_and_the_public_etag_works_in_if_match()
    {
        var client = api.CreateClient();
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Race Test Hub"));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var publicTag = (await client.GetAsync($"/api/v1/assets/{id}", TestContext.Current.CancellationToken)).Headers.ETag!.ToString();
        var seen = created.Headers.ETag!.ToString();

        var first = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", Editor, new { summary = "First editor's summary." }, publicTag, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", Editor, new { summary = "Second editor's summary." }, seen, "application/merge-patch+json");

        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.PreconditionFailed);
        Assert.Equal("First editor's summary.", problem.GetProperty("current").GetProperty("fields").GetProperty("summary").GetString());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        var now = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable", Editor)).JsonAsync();
        Assert.Equal("First editor's summary.", now.GetProperty("fields").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_merge_patch_changes_only_what_it_names_and_null_clears()
    {
        var client = api.CreateClient();
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Patch Test Hub"));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var wrongType = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", Editor, new { summary = "x" }, created.Headers.ETag!.ToString());
        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType);

        var patched = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", Editor,
            """{"description": null, "contact": {"website": "example.org/patched"}, "hub": {"openingHours": "Sa 10:00-12:00"}}""",
            created.Headers.ETag!.ToString(), "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var fields = (await patched.JsonAsync()).GetProperty("fields");
        Assert.False(fields.TryGetProperty("description", out _));
        Assert.Equal("https://example.org/patched", fields.GetProperty("contact").GetProperty("website").GetString());
        Assert.Equal("01632 960001", fields.GetProperty("contact").GetProperty("phone").GetString()); // untouched sibling
        Assert.Equal("Sa 10:00-12:00", fields.GetProperty("hub").GetProperty("openingHours").GetString());
        Assert.Equal("A test hub for editing.", fields.GetProperty("summary").GetString());

        var invalid = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", Editor, """{"contact": {"email": "nope"}}""",
            patched.Headers.ETag!.ToString(), "application/merge-patch+json");
        Assert.True((await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("contact.email", out _));
    }

    [Fact]
    public async Task An_archived_entry_leaves_the_public_surfaces_is_kept_for_editors_and_its_history_says_why()
    {
        var client = api.CreateClient();
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Archive Test Hub"));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var archived = await client.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/archive", Editor, new { reason = "Closed down" }, created.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal("archived", (await archived.JsonAsync()).GetProperty("fields").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/assets/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable", Editor)).StatusCode);
        var latest = (await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/history", Editor)).JsonAsync()).EnumerateArray().First();
        Assert.Equal("archived", latest.GetProperty("action").GetString());
        Assert.Contains("Closed down", latest.GetProperty("sourceDetail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_home_based_business_keeps_its_home_off_every_public_answer()
    {
        var client = api.CreateClient();
        var created = await client.SendAsync(HttpMethod.Post, "/api/v1/micro-enterprises", Editor, new
        {
            name = "Kitchen Table Foot Care",
            summary = "Foot care in your home.",
            address = new { line = "7 Hidden Close", town = "Grays", postcode = "RM17 5BN" },
            location = new { latitude = 51.48261, longitude = 0.32971 },
            microEnterprise = new { services = NailCutting, serviceRadiusMetres = 5000, homeBased = true },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var patched = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", Editor, new { summary = "Foot care at home, now on Saturdays." },
            created.Headers.ETag!.ToString(), "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var detail = await client.GetAsync($"/api/v1/assets/{id}", TestContext.Current.CancellationToken);
        var raw = await detail.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("Foot care at home, now on Saturdays.", body.GetProperty("summary").GetString());
        Assert.True(body.GetProperty("locationIsApproximate").GetBoolean());
        Assert.DoesNotContain("Hidden Close", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("RM17 5BN", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("51.48261", raw, StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/directory/{body.GetProperty("slug").GetString()}", TestContext.Current.CancellationToken);
        Assert.Contains("Foot care at home, now on Saturdays.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Close", page, StringComparison.Ordinal);
        Assert.DoesNotContain("RM17 5BN", page, StringComparison.Ordinal);
    }
}
