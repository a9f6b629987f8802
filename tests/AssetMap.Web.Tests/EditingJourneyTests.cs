using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.TestSupport;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>
/// An editor changes an entry in the plain web form (JavaScript off), meets someone else's change, and reviews a
/// suggestion a member of the public sent from the entry page. Until cookie sign-in exists the browser carries a
/// bearer token (pages accept it too).
/// </summary>
public sealed class EditingJourneyTests(WebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string EditorToken = TestTokens.For("erin", Roles.Editor);

    private async Task<IPage> EditorPageAsync(bool javaScript = false)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            JavaScriptEnabled = javaScript,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + EditorToken },
        });
        await context.RouteAsync(url => !url.StartsWith(server.BaseUrl, StringComparison.Ordinal), route => route.AbortAsync());
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task<HttpResponseMessage> ApiAsync(HttpMethod method, string url, string? json = null, string? ifMatch = null, string type = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EditorToken);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, type);
        }

        return await server.Http.SendAsync(request, Ct);
    }

    private async Task<(Guid Id, string Slug)> NewHubAsync(string name)
    {
        var body = JsonSerializer.Serialize(new
        {
            name,
            summary = "A hub made for a browser test.",
            address = new { line = "1 Orsett Road", town = "Grays", postcode = "RM17 5BN" },
            contact = new { phone = "01632 960002" },
            hub = new { openingHours = "Mo-Fr 09:00-17:00" },
        });
        var created = await ApiAsync(HttpMethod.Post, "/api/v1/hubs", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (record.GetProperty("id").GetGuid(), record.GetProperty("slug").GetString()!);
    }

    private async Task<JsonElement> LatestHistoryAsync(Guid id) =>
        (await (await ApiAsync(HttpMethod.Get, $"/api/v1/assets/{id}/history")).Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().First();

    [Fact]
    public async Task An_editor_corrects_an_entry_in_the_form_and_the_change_appears_in_its_history_from_the_web()
    {
        var (id, slug) = await NewHubAsync("Web Form Edit Hub");
        var page = await EditorPageAsync();
        await page.GotoAsync($"/directory/{slug}");
        await page.Locator("#edit-entry").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Web Form Edit Hub");

        await page.Locator("[id='contact.email']").FillAsync("not an email");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary a[href='#contact.email']")).ToBeVisibleAsync();

        await page.Locator("[id='contact.email']").FillAsync("desk@example.org");
        await page.Locator("[id='contact.phone']").FillAsync("01632 960123");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();

        var latest = await LatestHistoryAsync(id);
        Assert.Equal("web", latest.GetProperty("source").GetString());
        Assert.Equal("erin", latest.GetProperty("actor").GetString());
        var changes = latest.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal("01632 960002", changes["contact.phone"].GetProperty("before").GetString());
        Assert.Equal("01632 960123", changes["contact.phone"].GetProperty("after").GetString());
        Assert.Equal("desk@example.org", changes["contact.email"].GetProperty("after").GetString());

        await page.GotoAsync($"/editor/assets/{id}/history");
        await Assertions.Expect(page.Locator(".am-history-entry[data-source='web']")).ToContainTextAsync("01632 960123");
        await page.ScreenshotAsync("editor-history");
    }

    [Fact]
    public async Task When_someone_else_saved_meanwhile_the_form_shows_both_versions_and_the_editor_chooses()
    {
        var (id, _) = await NewHubAsync("Conflict Hub");
        var page = await EditorPageAsync();
        await page.GotoAsync($"/editor/assets/{id}/edit");

        // Someone else saves through the API while this form is open.
        var editable = await ApiAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable");
        var theirs = await ApiAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", """{"summary":"Their summary."}""", editable.Headers.ETag!.ToString(), "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        await page.Locator("[id='summary']").FillAsync("My summary.");
        await page.Locator("#save").ClickAsync();

        await Assertions.Expect(page.Locator("#conflict")).ToContainTextAsync("Someone else changed this entry");
        var row = page.Locator("#conflict-fields tr", new() { HasText = "summary" });
        await Assertions.Expect(row.Locator(".am-theirs")).ToHaveTextAsync("Their summary.");
        await Assertions.Expect(row.Locator(".am-yours")).ToHaveTextAsync("My summary.");
        await page.ScreenshotAsync("editor-conflict");

        await page.Locator("#save").ClickAsync(); // "Save my version over theirs"
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        var now = await (await ApiAsync(HttpMethod.Get, $"/api/v1/assets/{id}/editable")).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("My summary.", now.GetProperty("fields").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_member_of_the_public_reports_a_change_and_an_editor_accepts_it_from_the_queue()
    {
        var (id, slug) = await NewHubAsync("Reported Hub");
        var visitor = await server.NewPageAsync();
        await visitor.GotoAsync($"/directory/{slug}");
        await Assertions.Expect(visitor.Locator("#edit-entry")).ToHaveCountAsync(0);
        await visitor.Locator("#report-change").ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report a change");
        await visitor.AssertAccessibleAsync();
        await visitor.Locator("[id='contact.phone']").FillAsync("01632 960555");
        await visitor.Locator("[id='note']").FillAsync("They have a new number.");
        await visitor.Locator("#send-suggestion").ClickAsync();
        await Assertions.Expect(visitor.Locator("#sent")).ToContainTextAsync("Thank you");
        await visitor.AssertAccessibleAsync();

        var editor = await EditorPageAsync();
        await editor.GotoAsync("/editor/suggestions");
        await editor.Locator("#suggestions a", new() { HasText = "Reported Hub" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#comparison")).ToContainTextAsync("01632 960002");
        await Assertions.Expect(editor.Locator("#comparison")).ToContainTextAsync("01632 960555");
        await editor.Locator("#accept").ClickAsync();
        await Assertions.Expect(editor.Locator("#suggestion-status")).ToHaveTextAsync("accepted");

        var latest = await LatestHistoryAsync(id);
        Assert.Equal("suggestion", latest.GetProperty("source").GetString());
        Assert.Equal("erin", latest.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Editor_pages_refuse_anonymous_visitors()
    {
        var (id, _) = await NewHubAsync("Closed Door Hub");
        foreach (var url in new[] { $"/editor/assets/{id}/edit", $"/editor/assets/{id}/history", "/editor/suggestions", "/editor/new/hub", "/admin/audit" })
        {
            // 401 with bearer-only sign-in; once cookie sign-in exists, a redirect to the sign-in page: never the page itself.
            using var response = await server.Http.GetAsync(url, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.False(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == url, $"{url} was served to an anonymous visitor");
            Assert.DoesNotContain("Closed Door Hub", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.GetAsync($"/api/v1/assets/{id}/editable", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_editor_adds_a_hub_in_the_form_then_archives_it_and_it_leaves_the_public_directory()
    {
        var page = await EditorPageAsync(javaScript: true);
        await page.GotoAsync("/editor/new/hub");
        await page.Locator("[id='name']").FillAsync("Form Made Hub");
        await page.Locator("[id='summary']").FillAsync("Added through the editor's form.");
        await page.Locator("[id='address.town']").FillAsync("Grays");
        await page.Locator("[id='address.postcode']").FillAsync("RM17 5BN");
        await page.Locator("[id='hub.openingHours']").FillAsync("Mo 10:00-12:00");
        await page.Locator("#category-community-hubs").CheckAsync();
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Form Made Hub");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("editor-edit");

        var id = Guid.Parse(page.Url.Split('/')[^2]);
        var created = await LatestHistoryAsync(id);
        Assert.Equal("created", created.GetProperty("action").GetString());
        Assert.Equal("web", created.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/directory/form-made-hub", Ct)).StatusCode);

        await page.Locator("#reason").FillAsync("Test over");
        await page.Locator("#archive-button").ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/directory/form-made-hub", Ct)).StatusCode);
        Assert.Equal("archived", (await LatestHistoryAsync(id)).GetProperty("action").GetString());
    }
}
