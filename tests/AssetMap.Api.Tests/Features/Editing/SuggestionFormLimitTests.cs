using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using static AssetMap.Api.Tests.Features.Editing.EditingRequests;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>The public form checks values with the entry rules and has its own strict budget of posts (5 per 10 minutes).</summary>
public sealed class SuggestionFormLimitTests(SuggestionLimitedApi api) : IClassFixture<SuggestionLimitedApi>
{
    [Fact]
    public async Task Bad_values_are_named_on_the_form_and_the_sixth_post_in_the_window_is_429()
    {
        var record = await (await api.CreateClient().SendAsync(HttpMethod.Post, "/api/v1/hubs", Editor, NewHub("Limited Hub"))).JsonAsync();
        var slug = record.GetProperty("slug").GetString()!;
        var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var bad = await ReportForm.PostAsync(browser, slug, new() { ["contact.email"] = "not an email" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("href=\"#contact.email\"", html, StringComparison.Ordinal);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await ReportForm.PostAsync(browser, slug, new() { ["note"] = $"Note {i}" })).StatusCode);
        }

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
