using System.Net;
using System.Text;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.TestSupport;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AssetMap.Web.Tests;

/// <summary>
/// Freshness, evidence and upload in a real browser: the public page says when an entry was last checked and flags
/// evidence; an editor confirms an entry unchanged and uploads a spreadsheet. Editors sign in with a bearer token sent
/// as an extra header (pages accept it, as they will the sign-in cookie).
/// </summary>
public sealed class FreshnessJourneyTests(WebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entry_says_when_it_was_last_checked_and_a_long_unchecked_one_says_it_may_be_out_of_date()
    {
        await SqlAsync("UPDATE assets SET last_verified_at = timestamptz '2026-10-14 10:00+00' WHERE slug = 'happy-feet-footcare'");
        await SqlAsync("UPDATE assets SET last_verified_at = now() - interval '30 months' WHERE slug = 'curl-up-and-dye-mobile-hair'");
        var page = await server.NewPageAsync();

        await page.GotoAsync("/directory/happy-feet-footcare");
        await Assertions.Expect(page.Locator("#last-checked")).ToHaveTextAsync("Last checked October 2026");
        await Assertions.Expect(page.Locator("#unverified")).ToHaveCountAsync(0);

        await page.GotoAsync("/directory/curl-up-and-dye-mobile-hair");
        await Assertions.Expect(page.Locator("#unverified")).ToContainTextAsync("Not checked since");
        await Assertions.Expect(page.Locator("#unverified")).ToContainTextAsync("details may be out of date");
        await Assertions.Expect(page.Locator("#last-checked")).ToHaveAttributeAsync("data-state", "unverified");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Expired_and_soon_expiring_evidence_is_flagged_on_the_entry_page()
    {
        await SqlAsync("""
            UPDATE assets SET insurance_expires_on = current_date - 3, dbs_checked_on = (current_date - interval '36 months' + interval '10 days')::date,
                              cqc_registration = '1-2345', cqc_checked_on = current_date - 20
            WHERE slug = 'curl-up-and-dye-mobile-hair'
            """);
        var page = await server.NewPageAsync();

        await page.GotoAsync("/directory/curl-up-and-dye-mobile-hair");

        var insurance = page.Locator("#evidence [data-evidence=PublicLiabilityInsurance]");
        await Assertions.Expect(insurance).ToHaveAttributeAsync("data-state", "Expired");
        await Assertions.Expect(insurance.Locator(".govuk-tag")).ToHaveTextAsync("Expired");
        var dbs = page.Locator("#evidence [data-evidence=DbsCheck]");
        await Assertions.Expect(dbs).ToHaveAttributeAsync("data-state", "ExpiringSoon");
        await Assertions.Expect(dbs.Locator(".govuk-tag")).ToHaveTextAsync("Expires soon");
        var cqc = page.Locator("#evidence [data-evidence=CqcRegistration]");
        await Assertions.Expect(cqc).ToHaveAttributeAsync("data-state", "Valid");
        await Assertions.Expect(cqc.Locator(".govuk-tag")).ToHaveCountAsync(0);
        await Assertions.Expect(cqc).ToContainTextAsync("1-2345");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_editor_confirms_the_most_overdue_entry_unchanged_from_the_review_page()
    {
        await SqlAsync("UPDATE assets SET last_verified_at = now() - interval '6 years' WHERE slug = 'fix-it-frank'");
        var id = await ScalarAsync<Guid>("SELECT id FROM assets WHERE slug = 'fix-it-frank'");
        var page = await EditorPageAsync("dana");

        await page.GotoAsync("/review/due");
        var first = page.Locator("#due tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-id", id.ToString());
        await first.GetByRole(AriaRole.Button, new() { Name = "Confirm unchanged" }).ClickAsync();

        await Assertions.Expect(page.Locator("#confirmed")).ToContainTextAsync("Fix-It Frank confirmed unchanged");
        await Assertions.Expect(page.Locator($"#due tr[data-id='{id}']")).ToHaveCountAsync(0);
        Assert.Equal("verified|dana|web", await ScalarAsync<string>(
            "SELECT action || '|' || actor || '|' || source FROM audit_entries WHERE entity_id = $1 ORDER BY id DESC LIMIT 1", id));
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_editor_uploads_a_spreadsheet_sees_the_dry_run_table_applies_it_and_can_download_the_rejects()
    {
        const string csv = """
            Type,Ref,Organisation name,Summary,Address,Town,Postcode,Latitude,Longitude,Categories,Services,Status
            Micro-enterprise,WEB-1,Web Upload Gardens,Garden tidying for older people.,1 Test Street,Grays,RM17 6SL,51.4760,0.3250,Gardening,Tidying,Published
            Micro-enterprise,WEB-2,Web Upload Bad Postcode,A row with a bad postcode.,2 Test Street,Grays,RM17,51.4760,0.3250,Gardening,Tidying,Published
            """;
        var page = await EditorPageAsync("erin");

        await page.GotoAsync("/uploads");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "web-upload.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the spreadsheet" }).ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 30_000 });
        var row = page.Locator("#problems tbody tr").First;
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Postcode");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("RM17");
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM assets WHERE name = 'Web Upload Gardens'"));
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply these changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 30_000 });
        // The link the editor clicks, fetched with the page's own sign-in (headless downloads of attachments are not saved).
        var href = await page.Locator("#rejects").GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Contains("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        var rejects = await response.TextAsync();
        Assert.Contains("WEB-2", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("WEB-1", rejects, StringComparison.Ordinal);

        var id = await ScalarAsync<Guid>("SELECT id FROM assets WHERE name = 'Web Upload Gardens'");
        Assert.Equal("created|erin|import|web-upload.csv › row 2", await ScalarAsync<string>(
            "SELECT action || '|' || actor || '|' || source || '|' || source_detail FROM audit_entries WHERE entity_id = $1", id));
    }

    [Fact]
    public async Task The_editors_pages_refuse_anonymous_visitors_and_practitioners()
    {
        foreach (var path in new[] { "/review/due", "/review/evidence", "/uploads" })
        {
            // Anonymous visitors are sent to sign in (the redirect is followed), never shown the page.
            using var anonymous = await server.Http.GetAsync(path, Ct);
            Assert.Equal("/account/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", TestTokens.For("pat", Roles.Practitioner));
            using var practitioner = await server.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, practitioner.StatusCode);
        }
    }

    [Fact]
    public async Task The_evidence_page_lists_a_business_whose_insurance_has_expired()
    {
        await SqlAsync("UPDATE assets SET insurance_expires_on = current_date - 4000 WHERE slug = 'sparkle-and-shine-cleaning'");
        var page = await EditorPageAsync("dana");

        await page.GotoAsync("/review/evidence?within=30");

        var first = page.Locator("#evidence-due tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Sparkle and Shine Cleaning");
        await Assertions.Expect(first.Locator("[data-evidence=PublicLiabilityInsurance]")).ToHaveAttributeAsync("data-state", "Expired");
        await page.AssertAccessibleAsync();
    }

    private async Task<IPage> EditorPageAsync(string name)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            AcceptDownloads = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + TestTokens.For(name, Roles.Editor) },
        });
        await context.RouteAsync(url => !url.StartsWith(server.BaseUrl, StringComparison.Ordinal), route => route.AbortAsync());
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
