using System.Text.RegularExpressions;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.TimeBank;
using AssetMap.TestSupport;
using AssetMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssetMap.Web.Tests;

/// <summary>
/// A time-bank broker at work in the browser, signed in with a password: a morning's exchanges, a printed and downloaded
/// statement, adding and editing a member, a reversal, deactivating and leaving; and everyone else kept out.
/// Each test makes its own members so the balances it checks are its own.
/// </summary>
public sealed partial class TimeBankJourneyTests(WebServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int s_accounts;

    private sealed record Member(Guid Id, string Ref, string Name);

    [Fact]
    public async Task A_broker_records_a_morning_of_exchanges_in_a_row_and_sees_the_balances_change()
    {
        var (ann, bob, cat) = (await NewMemberAsync("Annie", "Q"), await NewMemberAsync("Bertie", "Q"), await NewMemberAsync("Cora", "Q"));
        var page = await BrokerPageAsync();

        await page.GotoAsync("/timebank");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Time bank" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("#record-exchange").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record an exchange");
        Assert.Equal(Today, await page.Locator("#occurredOn").InputValueAsync());
        await page.AssertAccessibleAsync();

        await RecordAsync(page, ann, bob, "1.5", "dog-walking", "Two dog walks");
        await Assertions.Expect(page.Locator("#recorded")).ToContainTextAsync($"{ann.Name} gave {bob.Name} 1.5 hours");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record the next exchange");
        // The form is empty again, with a new key, ready for the next one.
        Assert.Equal("", await page.Locator("#giverId").InputValueAsync());
        Assert.Equal("", await page.Locator("#hours").InputValueAsync());
        Assert.Equal("", await page.Locator("#description").InputValueAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("timebank-exchange-recorded");

        await RecordAsync(page, bob, cat, "2", "gardening", "Weeded the front garden");
        await Assertions.Expect(page.Locator("#recorded")).ToContainTextAsync($"{bob.Name} gave {cat.Name} 2 hours");
        await RecordAsync(page, cat, ann, "0.75", null, "Sewed on buttons");
        await Assertions.Expect(page.Locator("#recorded")).ToContainTextAsync($"{cat.Name} gave {ann.Name} 0.75 hours");
        await Assertions.Expect(page.Locator("#recorded-balances")).ToContainTextAsync($"{cat.Name} -1.25 hours, {ann.Name} 0.75 hours");

        // The list shows every balance, derived from the ledger.
        await page.GotoAsync("/timebank?q=Q.");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(3);
        Assert.Equal("0.75", await BalanceInListAsync(page, ann));
        Assert.Equal("0.5", await BalanceInListAsync(page, bob));
        Assert.Equal("-1.25", await BalanceInListAsync(page, cat));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("timebank-members");

        // A skill narrows the list: a parent category covers its subcategories (they all offer gardening).
        await page.GotoAsync("/timebank?q=Q.&skill=home-and-garden");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(3);
        await page.GotoAsync("/timebank?q=Q.&skill=pet-sitting");
        await Assertions.Expect(page.Locator("#member-count")).ToHaveTextAsync("0 members");
        // The whole sample pages 20 at a time.
        await page.GotoAsync("/timebank?p=2");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator(".govuk-pagination__item--current")).ToHaveTextAsync("2");
        await page.GotoAsync("/timebank?q=Q.");

        await page.Locator($"#members a", new() { HasText = bob.Name }).ClickAsync();
        await Assertions.Expect(page.Locator("#balance-hours")).ToHaveTextAsync("0.5");
        await Assertions.Expect(page.Locator("#statement-table .am-tb-line")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("timebank-member");

        // Hours moved, none created or lost: the whole ledger still sums to zero.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var total = await scope.ServiceProvider.GetRequiredService<AssetMapDbContext>().Database
                .SqlQuery<int>($"SELECT COALESCE(sum(quarter_hours), 0)::int AS \"Value\" FROM time_bank_entries").SingleAsync(Ct);
            Assert.Equal(0, total);
        }

        // On a phone: nothing wider than the screen.
        var phone = await BrokerPageAsync(width: 320);
        foreach (var url in new[] { "/timebank", "/timebank/exchanges/new", $"/timebank/members/{bob.Id}", "/timebank/members/new" })
        {
            await phone.GotoAsync(url);
            await phone.AssertFitsWidthAsync();
            await phone.ScreenshotAsync("timebank-320" + url.Replace('/', '-').Replace(bob.Id.ToString(), "member", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_same_exchange_form_sent_twice_records_one_exchange()
    {
        var (giver, receiver) = (await NewMemberAsync("Dora", "R"), await NewMemberAsync("Eddie", "R"));
        var page = await BrokerPageAsync();
        await page.GotoAsync($"/timebank/exchanges/new?giver={giver.Id}&receiver={receiver.Id}");
        await page.Locator("#hours").FillAsync("1");
        await page.Locator("#description").FillAsync("Changed a fuse");
        var form = await page.EvaluateAsync<Dictionary<string, string>>("() => Object.fromEntries(new FormData(document.getElementById('exchange-form')))");
        Assert.StartsWith("web:", form["idempotencyKey"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(form["__RequestVerificationToken"]));

        var locations = new List<string>();
        for (var send = 0; send < 2; send++)
        {
            var data = page.APIRequest.CreateFormData();
            foreach (var (name, value) in form)
            {
                data.Set(name, value);
            }

            var response = await page.APIRequest.PostAsync("/timebank/exchanges/new", new() { Form = data, MaxRedirects = 0 });
            Assert.Equal(302, response.Status);
            locations.Add(response.Headers["location"]);
        }

        var first = RecordedId().Match(locations[0]).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(first));
        Assert.Equal($"/timebank/exchanges/new?recorded={first}&replayed=true", locations[1]);
        Assert.Equal(1, await ExchangesBetweenAsync(giver, receiver));

        // The resubmission's page says so.
        await page.GotoAsync(locations[1]);
        await Assertions.Expect(page.Locator("#replayed")).ToContainTextAsync("recorded only once");

        // Pressing the button twice as fast as a browser can (JavaScript off: no double-click guard) still records once.
        var plain = await BrokerPageAsync(javaScript: false);
        await plain.GotoAsync($"/timebank/exchanges/new?giver={giver.Id}&receiver={receiver.Id}");
        await plain.Locator("#hours").FillAsync("0.5");
        await plain.Locator("#record").DblClickAsync();
        await Assertions.Expect(plain.Locator("#recorded")).ToBeVisibleAsync();
        Assert.Equal(2, await ExchangesBetweenAsync(giver, receiver));
    }

    [Fact]
    public async Task With_JavaScript_off_a_broker_records_an_exchange_from_the_member_page_and_is_told_what_is_wrong()
    {
        var (giver, receiver) = (await NewMemberAsync("Fern", "S"), await NewMemberAsync("Gus", "S"));
        var page = await BrokerPageAsync(javaScript: false);
        await page.GotoAsync($"/timebank/members/{giver.Id}");
        await page.Locator("#record-as-giver").ClickAsync();
        Assert.Equal(giver.Id.ToString(), await page.Locator("#giverId").InputValueAsync());

        // Mistakes first: the receiver missing, hours not in quarters.
        await page.Locator("#hours").FillAsync("1.3");
        await page.Locator("#record").ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary.Locator("a[href='#receiverId']")).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("a[href='#hours']")).ToContainTextAsync("quarter-hours");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        Assert.Equal("1.3", await page.Locator("#hours").InputValueAsync());

        // Then a date in the future, which the ledger refuses.
        await page.Locator("#receiverId").SelectOptionAsync(receiver.Id.ToString());
        await page.Locator("#hours").FillAsync("1.25");
        await page.Locator("#occurredOn").FillAsync(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#record").ClickAsync();
        await Assertions.Expect(summary.Locator("a[href='#occurredOn']")).ToContainTextAsync("future");
        Assert.Equal(0, await ExchangesBetweenAsync(giver, receiver));

        await page.Locator("#occurredOn").FillAsync(Today);
        await page.Locator("#record").ClickAsync();
        await Assertions.Expect(page.Locator("#recorded")).ToContainTextAsync($"{giver.Name} gave {receiver.Name} 1.25 hours");
        Assert.Equal(1, await ExchangesBetweenAsync(giver, receiver));
        await page.ScreenshotAsync("timebank-exchange-no-js");
    }

    [Fact]
    public async Task A_broker_prints_and_downloads_a_members_statement()
    {
        var (holly, ivan) = (await NewMemberAsync("Holly", "T"), await NewMemberAsync("Ivan", "T"));
        var page = await BrokerPageAsync();
        await page.GotoAsync("/timebank/exchanges/new");
        await RecordAsync(page, holly, ivan, "3", "befriending", "=Tea and a chat, \"every\" week");
        await RecordAsync(page, ivan, holly, "1", "shopping-help", "Shopping");

        await page.GotoAsync($"/timebank/members/{holly.Id}");
        await Assertions.Expect(page.Locator("#statement-title")).ToContainTextAsync($"Statement for {holly.Name} ({holly.Ref})");
        await Assertions.Expect(page.Locator("#opening-balance")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#statement-table .am-tb-running")).ToHaveTextAsync(["3", "2"]);
        await Assertions.Expect(page.Locator("#statement-table .am-tb-amount")).ToHaveTextAsync(["+3", "-1"]);
        await Assertions.Expect(page.Locator("#closing-balance")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#statement-table a", new() { HasText = ivan.Name }).First).ToHaveAttributeAsync("href", $"/timebank/members/{ivan.Id}");

        // A period before the exchanges: opening and closing alike, no entries.
        await page.Locator("#from").FillAsync("2020-01-01");
        await page.Locator("#to").FillAsync("2020-03-31");
        await page.Locator("#show-statement").ClickAsync();
        await Assertions.Expect(page.Locator("#no-entries")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#closing-balance")).ToHaveTextAsync("0");
        // A date that is not one is named beside its box.
        await page.GotoAsync($"/timebank/members/{holly.Id}?from=31/02/2026");
        await Assertions.Expect(page.Locator(".govuk-error-summary a[href='#from']")).ToContainTextAsync("Enter the start of the period");
        await Assertions.Expect(page.Locator("#from-error")).ToBeVisibleAsync();
        await page.GotoAsync($"/timebank/members/{holly.Id}");

        // Print: only the statement.
        await Assertions.Expect(page.Locator("#print")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("#statement-table")).ToBeVisibleAsync();
        foreach (var hidden in new[] { "#details", "#balance", "#deactivate", "#period", ".govuk-service-navigation", "#print", "#download-csv", ".govuk-footer" })
        {
            await Assertions.Expect(page.Locator(hidden)).ToBeHiddenAsync();
        }

        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Directory.CreateDirectory(PageChecks.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(PageChecks.ScreenshotDirectory, "timebank-statement.pdf"), pdf, Ct);
        await page.ScreenshotAsync("timebank-statement-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // CSV: the same statement, one row per entry, text that a spreadsheet would run defused.
        var href = await page.Locator("#download-csv").GetAttributeAsync("href");
        Assert.True(href?.StartsWith($"/api/v1/timebank/members/{holly.Id}/statement.csv?from=", StringComparison.Ordinal), href);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        Assert.Matches($"^statement-{holly.Ref}-\\d{{4}}-\\d\\d-\\d\\d-to-{Today}\\.csv$", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), Ct);
        Assert.Equal(6, csv.Length);
        Assert.StartsWith($"Statement for,{holly.Ref} {holly.Name},", csv[0], StringComparison.Ordinal);
        Assert.Equal("Date,Exchange,Counterparty ref,Counterparty,Category,Description,Hours,Balance,Reversal of,Reversed by", csv[1]);
        Assert.EndsWith(",,,,,Opening balance,,0.00,,", csv[2], StringComparison.Ordinal);
        Assert.Matches($"^{Today},[0-9a-f-]{{36}},{ivan.Ref},{ivan.Name},befriending,\"'=Tea and a chat, \"\"every\"\" week\",3.00,3.00,,$", csv[3]);
        Assert.Matches($"^{Today},[0-9a-f-]{{36}},{ivan.Ref},{ivan.Name},shopping-help,Shopping,-1.00,2.00,,$", csv[4]);
        Assert.Equal($"{Today},,,,,Closing balance,,2.00,,", csv[5]);
    }

    [Fact]
    public async Task A_broker_adds_a_member_then_edits_them_and_only_the_postcode_sector_is_kept()
    {
        var page = await BrokerPageAsync();
        await page.GotoAsync("/timebank");
        await page.Locator("#add-member").ClickAsync();
        await Assertions.Expect(page.Locator("#postcode-hint")).ToContainTextAsync("Only the area is kept");
        await page.Locator("#save").ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary.Locator("a[href='#firstName']")).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("a[href='#postcode']")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("#firstName").FillAsync("Juniper");
        await page.Locator("#lastInitial").FillAsync("w");
        await page.Locator("#postcode").FillAsync("rm17 5bn");
        await page.Locator("#skillsOffered-gardening").CheckAsync();
        await page.Locator("#skillsOffered-dog-walking").CheckAsync();
        await page.Locator("#skillsWanted-digital-skills").CheckAsync();
        await page.Locator("#offerDetails").FillAsync("Veg beds and hedges");
        await page.Locator("#availability").FillAsync("Saturday mornings");
        await page.Locator("#contactPreference-Email").CheckAsync();
        await page.Locator("#contactDetails").FillAsync("juniper@example.org");
        await page.Locator("#save").ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Member added");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Juniper W.");
        await Assertions.Expect(page.Locator("#area")).ToHaveTextAsync("Postcode sector RM17 5");
        await Assertions.Expect(page.Locator("#skills-offered")).ToHaveTextAsync("Gardening, Dog walking");
        await Assertions.Expect(page.Locator("#contact")).ToHaveTextAsync("Email: juniper@example.org");
        Assert.DoesNotContain("5BN", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await page.AssertAccessibleAsync();
        var id = Guid.Parse(MemberId().Match(page.Url).Groups[1].Value);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AssetMapDbContext>().TimeBankMembers.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
            Assert.Equal("RM17 5", stored.PostcodeSector);
        }

        // Edit: the postcode box is empty (the full postcode was never kept) and says which sector is held.
        await page.Locator("#edit-member").ClickAsync();
        Assert.Equal("", await page.Locator("#postcode").InputValueAsync());
        await Assertions.Expect(page.Locator("#postcode-hint")).ToContainTextAsync("now RM17 5");
        Assert.True(await page.Locator("#skillsOffered-gardening").IsCheckedAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("timebank-member-edit");
        await page.Locator("#availability").FillAsync("Sunday afternoons");
        await page.Locator("#skillsOffered-dog-walking").UncheckAsync();
        await page.Locator("#postcode").FillAsync("RM16 2JT");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("saved");
        await Assertions.Expect(page.Locator("#availability")).ToHaveTextAsync("Sunday afternoons");
        await Assertions.Expect(page.Locator("#skills-offered")).ToHaveTextAsync("Gardening");
        await Assertions.Expect(page.Locator("#area")).ToHaveTextAsync("Postcode sector RM16 2");

        // Someone else saves while this form is open: told clearly, nothing lost.
        await page.Locator("#edit-member").ClickAsync();
        var other = await BrokerPageAsync();
        await other.GotoAsync($"/timebank/members/{id}/edit");
        await other.Locator("#availability").FillAsync("Any time");
        await other.Locator("#save").ClickAsync();
        await Assertions.Expect(other.Locator("#done")).ToBeVisibleAsync();
        await page.Locator("#availability").FillAsync("Weekday evenings");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#conflict")).ToContainTextAsync("Someone else changed this member");
        Assert.Equal("Weekday evenings", await page.Locator("#availability").InputValueAsync());
        await page.AssertAccessibleAsync();
        await page.Locator("#save").ClickAsync(); // "Save my version"
        await Assertions.Expect(page.Locator("#availability")).ToHaveTextAsync("Weekday evenings");
    }

    [Fact]
    public async Task A_broker_reverses_an_exchange_once_and_both_balances_return()
    {
        var (kit, lou) = (await NewMemberAsync("Kit", "U"), await NewMemberAsync("Lou", "U"));
        var page = await BrokerPageAsync();
        await page.GotoAsync("/timebank/exchanges/new");
        await RecordAsync(page, kit, lou, "2.5", "handyperson", "Recorded against the wrong member");
        await page.Locator("#recorded-link").ClickAsync();
        await Assertions.Expect(page.Locator("#recorded-by")).ToContainTextAsync("By ");
        await Assertions.Expect(page.Locator("#history li[data-source='web']")).ToContainTextAsync("Recorded by");
        var original = page.Url;
        // A second tab keeps the reverse form open, to send it again later.
        var stale = await BrokerPageAsync();
        await stale.GotoAsync(original);

        await page.Locator("#reverse").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary a[href='#reason']")).ToContainTextAsync("Say why");
        await page.Locator("#reason").FillAsync("Wrong member");
        await page.Locator("#reverse").ClickAsync();
        await Assertions.Expect(page.Locator("#reversed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reverses")).ToContainTextAsync("This reverses");
        await Assertions.Expect(page.Locator("#description")).ToHaveTextAsync("Wrong member");
        await Assertions.Expect(page.Locator("#reverse")).ToHaveCountAsync(0); // a reversal cannot be reversed
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("timebank-reversal");

        await page.GotoAsync(original);
        await Assertions.Expect(page.Locator("#reversed-by")).ToContainTextAsync("This exchange was reversed");
        await Assertions.Expect(page.Locator("#reverse")).ToHaveCountAsync(0);

        await stale.Locator("#reason").FillAsync("Reversing again");
        await stale.Locator("#reverse").ClickAsync();
        await Assertions.Expect(stale.Locator(".govuk-error-summary")).ToContainTextAsync("already been reversed");
        await Assertions.Expect(stale.Locator(".govuk-error-summary a[href='#reversed-by']")).ToBeVisibleAsync();
        Assert.Equal(2, await ExchangesBetweenAsync(kit, lou)); // the exchange and one reversal

        await page.GotoAsync($"/timebank/members/{kit.Id}");
        await Assertions.Expect(page.Locator("#balance-hours")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".am-tb-line--reversal")).ToContainTextAsync("Reversal");
        await page.GotoAsync($"/timebank/members/{lou.Id}");
        await Assertions.Expect(page.Locator("#balance-hours")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_deactivated_member_cannot_be_chosen_to_receive_and_a_member_who_leaves_is_anonymised()
    {
        var (mo, nell) = (await NewMemberAsync("Mo", "V"), await NewMemberAsync("Nell", "V"));
        var page = await BrokerPageAsync(javaScript: false);
        await page.GotoAsync($"/timebank/members/{nell.Id}");
        await page.Locator("#deactivate").ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("deactivated");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Deactivated");
        await Assertions.Expect(page.Locator("#record-as-receiver")).ToHaveCountAsync(0);

        await page.GotoAsync("/timebank/exchanges/new");
        await Assertions.Expect(page.Locator($"#receiverId option[value='{nell.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#giverId option[value='{nell.Id}']")).ToContainTextAsync("(deactivated)");
        await Assertions.Expect(page.Locator($"#receiverId option[value='{mo.Id}']")).ToHaveCountAsync(1);

        // Even a forged form naming them as receiver is refused.
        await page.GotoAsync($"/timebank/exchanges/new?giver={mo.Id}");
        var forged = page.APIRequest.CreateFormData();
        forged.Set("__RequestVerificationToken", await page.Locator("#exchange-form input[name='__RequestVerificationToken']").InputValueAsync());
        forged.Set("idempotencyKey", await page.Locator("input[name='idempotencyKey']").InputValueAsync());
        forged.Set("giverId", mo.Id.ToString());
        forged.Set("receiverId", nell.Id.ToString());
        forged.Set("hours", "1");
        forged.Set("occurredOn", Today);
        var refused = await page.APIRequest.PostAsync("/timebank/exchanges/new", new() { Form = forged, MaxRedirects = 0 });
        Assert.Equal(422, refused.Status);
        Assert.Contains("deactivated and cannot receive new exchanges", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ExchangesBetweenAsync(mo, nell));
        await page.GotoAsync("/timebank?status=deactivated&q=Nell");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(1);

        await page.GotoAsync($"/timebank/members/{nell.Id}");
        await page.Locator("#reactivate").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Active");
        await page.GotoAsync("/timebank/exchanges/new");
        await Assertions.Expect(page.Locator($"#receiverId option[value='{nell.Id}']")).ToHaveCountAsync(1);

        await page.GotoAsync($"/timebank/members/{mo.Id}");
        await page.Locator("#leave").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Is {mo.Name} leaving the time bank?");
        await page.Locator("#confirm-leave").ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("has left");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Former member {mo.Ref}");
        await Assertions.Expect(page.Locator("#area")).ToHaveTextAsync("Not kept");
        await Assertions.Expect(page.Locator("#edit-member")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Mo V.", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/timebank/exchanges/new");
        await Assertions.Expect(page.Locator($"#giverId option[value='{mo.Id}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_a_practitioner_is_refused()
    {
        var visitor = await server.NewPageAsync();
        foreach (var url in new[] { "/timebank", "/timebank/exchanges/new", "/timebank/members/new" })
        {
            await visitor.GotoAsync(url);
            Assert.Contains("/account/sign-in?returnUrl=" + Uri.EscapeDataString(url), visitor.Url, StringComparison.Ordinal);
        }

        var practitioner = await SignedInPageAsync(Roles.Practitioner);
        await Assertions.Expect(practitioner.GetByRole(AriaRole.Link, new() { Name = "Time bank" })).ToHaveCountAsync(0);
        var response = await practitioner.GotoAsync("/timebank");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(practitioner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot use this page");
        var csv = await practitioner.APIRequest.GetAsync($"/api/v1/timebank/members/{Guid.NewGuid()}/statement.csv", new() { MaxRedirects = 0 });
        Assert.Equal(403, csv.Status);
    }

    private static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task RecordAsync(IPage page, Member giver, Member receiver, string hours, string? category, string description)
    {
        await page.Locator("#giverId").SelectOptionAsync(giver.Id.ToString());
        await page.Locator("#receiverId").SelectOptionAsync(receiver.Id.ToString());
        await page.Locator("#hours").FillAsync(hours);
        if (category is not null)
        {
            await page.Locator("#category").SelectOptionAsync(category);
        }

        await page.Locator("#description").FillAsync(description);
        await page.Locator("#record").ClickAsync();
        await Assertions.Expect(page.Locator("#recorded")).ToContainTextAsync($"{giver.Name} gave {receiver.Name}");
    }

    private static async Task<string> BalanceInListAsync(IPage page, Member member) =>
        (await page.Locator($"#members tr[data-id='{member.Id}'] .am-tb-balance").InnerTextAsync()).Trim();

    private async Task<IPage> BrokerPageAsync(bool javaScript = true, int width = 1280) => await SignedInPageAsync(Roles.Broker, javaScript, width);

    /// <summary>Signs in through the sign-in page with a new account holding <paramref name="role"/>.</summary>
    private async Task<IPage> SignedInPageAsync(string role, bool javaScript = true, int width = 1280)
    {
        var name = $"tb{role[..4]}{Interlocked.Increment(ref s_accounts)}";
        await TestAccounts.CreateAsync(server.Services, name, role);
        var page = await server.NewPageAsync(javaScript, width);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#account")).ToContainTextAsync("Signed in as");
        return page;
    }

    /// <summary>A member of the sample time bank, written straight to the database (the pages' add form has its own test).</summary>
    private async Task<Member> NewMemberAsync(string firstName, string initial)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var bank = await db.TimeBanks.AsNoTracking().FirstAsync(Ct);
        var reference = $"WT-{Guid.NewGuid():N}"[..11].ToUpperInvariant();
        var member = TimeBankMember.Register(bank.Id, reference,
            new MemberProfile(firstName, initial, ["gardening"], [], "Made by a browser test", "Mornings", ContactPreference.Phone, "01632 960999"),
            Postcode.Parse("RM17 5BN"), Geo.Point(0.3297, 51.4826), DateOnly.FromDateTime(DateTime.UtcNow), MemberStatus.Active, AssetSource.Manual);
        db.TimeBankMembers.Add(member);
        await db.SaveChangesAsync(Ct);
        return new Member(member.Id, member.MemberRef, member.DisplayName);
    }

    private async Task<int> ExchangesBetweenAsync(Member a, Member b)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        return await db.TimeBankExchanges.CountAsync(e => (e.GiverId == a.Id && e.ReceiverId == b.Id) || (e.GiverId == b.Id && e.ReceiverId == a.Id), Ct);
    }

    [GeneratedRegex("recorded=([0-9a-f-]{36})")]
    private static partial Regex RecordedId();

    [GeneratedRegex("/timebank/members/([0-9a-f-]{36})")]
    private static partial Regex MemberId();
}
