using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.Freshness;

/// <summary>The editors' review list, "confirm unchanged", and the verification state every surface shows.</summary>
public sealed class ReviewDueTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Due_for_review_lists_overdue_entries_first_then_those_due_within_the_window()
    {
        var slugs = await ArrangeAsync();
        var editor = api.As("dana", Roles.Editor);

        var page = await editor.GetFromJsonAsync<JsonElement>("/api/v1/review/due?within=30d", Ct);
        var listed = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.NotEmpty(listed);
        Assert.Equal([slugs.LongOverdue, slugs.Overdue, slugs.DueSoon], listed);
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        var states = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("verification").GetProperty("state").GetString()).ToList();
        Assert.Equal(["unverified", "overdue", "due"], states);

        // A narrower window leaves out the one merely due soon; a wider one still leaves out the fresh one.
        var narrow = await editor.GetFromJsonAsync<JsonElement>("/api/v1/review/due?within=0d", Ct);
        Assert.Equal(2, narrow.GetProperty("totalCount").GetInt32());
        var paged = await editor.GetFromJsonAsync<JsonElement>("/api/v1/review/due?within=30&page=2&pageSize=2", Ct);
        Assert.Equal(slugs.DueSoon, paged.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Confirm_unchanged_stamps_the_entry_and_writes_history_naming_the_editor()
    {
        var slugs = await ArrangeAsync();
        var id = await api.ScalarAsync<Guid>("SELECT id FROM assets WHERE slug = $1", slugs.Overdue);
        var editor = api.As("dana", Roles.Editor);

        var response = await editor.PostAsync($"/api/v1/assets/{id}/verify", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("fresh", body.GetProperty("verification").GetProperty("state").GetString());
        var stamped = await api.ScalarAsync<DateTime>("SELECT last_verified_at FROM assets WHERE id = $1", id);
        Assert.InRange(DateTime.UtcNow - stamped.ToUniversalTime(), TimeSpan.Zero, TimeSpan.FromMinutes(2));
        var history = await api.ScalarAsync<string>(
            "SELECT action || '|' || actor || '|' || source || '|' || changes::text FROM audit_entries WHERE entity_id = $1 ORDER BY id DESC LIMIT 1", id);
        Assert.StartsWith("verified|dana|api|", history, StringComparison.Ordinal);
        Assert.Contains("\"field\": \"lastVerifiedAt\"", history, StringComparison.Ordinal);

        var due = await editor.GetFromJsonAsync<JsonElement>("/api/v1/review/due?within=30d", Ct);
        Assert.DoesNotContain(slugs.Overdue, due.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"/api/v1/assets/{Guid.NewGuid()}/verify", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Rest_graphql_and_lists_say_the_same_verification_state()
    {
        var slugs = await ArrangeAsync();
        var anonymous = api.CreateClient();

        var detail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{slugs.LongOverdue}", Ct);
        Assert.Equal("unverified", detail.GetProperty("verification").GetProperty("state").GetString());
        Assert.Equal("fresh", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{slugs.Fresh}", Ct)).GetProperty("verification").GetProperty("state").GetString());

        var reply = await anonymous.PostAsync($$"""{ asset(id: "{{slugs.Overdue}}") { verification { state lastVerifiedAt dueAt } } }""");
        Assert.Equal("OVERDUE", reply.Data().GetProperty("asset").GetProperty("verification").GetProperty("state").GetString());

        var search = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/assets?kind=hub&pageSize=100", Ct);
        var items = search.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Contains(items, i => i.GetProperty("slug").GetString() == slugs.Fresh && i.GetProperty("verification").GetString() == "fresh");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_practitioners_403()
    {
        var id = await api.ScalarAsync<Guid>("SELECT id FROM assets LIMIT 1");
        foreach (var (client, status) in new[] { (api.CreateClient(), HttpStatusCode.Unauthorized), (api.As("pat", Roles.Practitioner), HttpStatusCode.Forbidden) })
        {
            Assert.Equal(status, (await client.GetAsync("/api/v1/review/due", Ct)).StatusCode);
            Assert.Equal(status, (await client.PostAsync($"/api/v1/assets/{id}/verify", null, Ct)).StatusCode);
            Assert.Equal(status, (await client.GetAsync("/api/v1/micro-enterprises/evidence-due", Ct)).StatusCode);
            Assert.Equal(status, (await client.PostAsync("/api/v1/imports", new MultipartFormDataContent(), Ct)).StatusCode);
        }

        var admin = api.As("ada", Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/review/due", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_window_that_is_not_a_number_of_days_is_a_400_naming_within()
    {
        var response = await api.As("dana", Roles.Editor).GetAsync("/api/v1/review/due?within=soon", Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("within", out _));
    }

    // Every entry checked just now, then four published ones put at known points of a 12-month interval.
    private async Task<(string LongOverdue, string Overdue, string DueSoon, string Fresh)> ArrangeAsync()
    {
        await api.SqlAsync("UPDATE assets SET last_verified_at = now()");
        var slugs = new List<string>();
        foreach (var months in new[] { "30 months", "14 months", "11 months 20 days", "1 month" })
        {
            slugs.Add(await api.ScalarAsync<string>(
                $"UPDATE assets SET last_verified_at = now() - interval '{months}' WHERE id = (SELECT id FROM assets WHERE status = 'published' AND kind = 'hub' AND last_verified_at > now() - interval '1 minute' ORDER BY slug LIMIT 1) RETURNING slug"));
        }

        return (slugs[0], slugs[1], slugs[2], slugs[3]);
    }
}
