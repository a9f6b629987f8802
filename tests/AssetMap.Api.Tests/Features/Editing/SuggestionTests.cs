using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Suggestions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static AssetMap.Api.Tests.Features.Editing.EditingRequests;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>
/// Suggestions from the public through the real form (antiforgery, honeypot), reviewed through the API: accepted ones
/// are applied as edits with history source suggestion, dismissed ones leave the entry as it was.
/// </summary>
public sealed class SuggestionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Browser() => api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(Guid Id, string Slug)> NewHubAsync(string name)
    {
        var record = await (await api.CreateClient().SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub(name))).JsonAsync();
        return (record.GetProperty("id").GetGuid(), record.GetProperty("slug").GetString()!);
    }

    private async Task<Suggestion?> StoredForAsync(Guid assetId)
    {
        await using var db = api.Database.CreateContext();
        return await db.Suggestions.AsNoTracking().SingleOrDefaultAsync(s => s.AssetId == assetId, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_accepted_suggestion_is_applied_as_an_edit_with_history_source_suggestion()
    {
        var (id, slug) = await NewHubAsync("Suggested Phone Hub");

        var sent = await ReportForm.PostAsync(Browser(), slug, new() { ["contact.phone"] = "01632 960777", ["note"] = "The number changed." });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await StoredForAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(new Dictionary<string, string> { ["contact.phone"] = "01632 960777" }, stored.Proposed);
        var client = api.CreateClient();
        var before = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable", Editor)).JsonAsync();
        Assert.Equal("01632 960001", before.GetProperty("fields").GetProperty("contact").GetProperty("phone").GetString()); // never applied directly

        var queue = await (await client.SendAsync(HttpMethod.Get, "/api/v1/suggestions", Editor)).JsonAsync();
        var queued = Assert.Single(queue.EnumerateArray(), s => s.GetProperty("id").GetGuid() == stored.Id);
        Assert.Equal("01632 960001", queued.GetProperty("current").GetProperty("contact.phone").GetString());

        var accepted = await client.SendAsync(HttpMethod.Post, $"/api/v1/suggestions/{stored.Id}/accept", Editor);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await accepted.JsonAsync()).GetProperty("status").GetString());
        var after = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable", Editor)).JsonAsync();
        Assert.Equal("01632 960777", after.GetProperty("fields").GetProperty("contact").GetProperty("phone").GetString());
        var latest = (await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/history", Editor)).JsonAsync()).EnumerateArray().First();
        Assert.Equal("suggestion", latest.GetProperty("source").GetString());
        Assert.Equal("dana", latest.GetProperty("actor").GetString());
        var change = Assert.Single(latest.GetProperty("changes").EnumerateArray());
        Assert.Equal("contact.phone", change.GetProperty("field").GetString());
        Assert.Equal("01632 960777", change.GetProperty("after").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendAsync(HttpMethod.Post, $"/api/v1/suggestions/{stored.Id}/accept", Editor)).StatusCode);
    }

    [Fact]
    public async Task A_dismissed_suggestion_needs_a_reason_and_leaves_the_entry_unchanged()
    {
        var (id, slug) = await NewHubAsync("Dismissed Suggestion Hub");
        Assert.Equal(HttpStatusCode.Redirect, (await ReportForm.PostAsync(Browser(), slug, new() { ["hub.openingHours"] = "Su 10:00-11:00" })).StatusCode);
        var stored = (await StoredForAsync(id))!;
        var client = api.CreateClient();
        var before = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable", Editor)).JsonAsync();

        var noReason = await client.SendAsync(HttpMethod.Post, $"/api/v1/suggestions/{stored.Id}/dismiss", Editor, new { reason = "" });
        Assert.True((await ProblemAssert.IsProblemAsync(noReason, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("reason", out _));

        var dismissed = await client.SendAsync(HttpMethod.Post, $"/api/v1/suggestions/{stored.Id}/dismiss", Editor, new { reason = "The hub confirmed its hours are unchanged." });

        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var body = await dismissed.JsonAsync();
        Assert.Equal("dismissed", body.GetProperty("status").GetString());
        Assert.Equal("The hub confirmed its hours are unchanged.", body.GetProperty("dismissReason").GetString());
        var after = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable", Editor)).JsonAsync();
        Assert.Equal(before.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
        Assert.Equal("Mo-Fr 09:00-17:00", after.GetProperty("fields").GetProperty("hub").GetProperty("openingHours").GetString());
        Assert.Single((await (await client.SendAsync(HttpMethod.Get, $"/api/v1/assets/{id}/history", Editor)).JsonAsync()).EnumerateArray()); // only "created"
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_and_dropped_and_a_post_without_antiforgery_is_refused()
    {
        var (id, slug) = await NewHubAsync("Honeypot Hub");

        var bot = await ReportForm.PostAsync(Browser(), slug, new() { ["note"] = "Buy cheap things", ["homepage"] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.EndsWith("/report?sent=true", bot.Headers.Location!.ToString(), StringComparison.Ordinal);

        var forged = await ReportForm.PostAsync(Browser(), slug, new() { ["note"] = "No token" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Null(await StoredForAsync(id));
    }
}
