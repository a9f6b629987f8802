using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using static AssetMap.Api.Tests.Features.TimeBank.TimeBankRequests;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Statements as JSON and CSV: opening balance, running balances, closing balance, defaults, bad periods.</summary>
public sealed class StatementApiTests(ApiFactory api) : TimeBankTests(api), IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_statement_opens_with_the_balance_before_the_period_runs_each_entry_and_closes_with_the_balance()
    {
        var client = Api.CreateClient();
        var (pat, sam) = (await client.CreateMemberAsync("Patience"), await client.CreateMemberAsync("Samphire"));
        (await client.RecordAsync(Exchange(pat.Id(), sam.Id(), 2, new DateOnly(2026, 3, 10)))).EnsureSuccessStatusCode();   // before
        (await client.RecordAsync(Exchange(sam.Id(), pat.Id(), 0.75m, new DateOnly(2026, 4, 2)))).EnsureSuccessStatusCode(); // in
        var lawn = await (await client.RecordAsync(Exchange(pat.Id(), sam.Id(), 1.5m, new DateOnly(2026, 4, 20)))).ExpectAsync(HttpStatusCode.Created);
        (await client.RecordAsync(Exchange(pat.Id(), sam.Id(), 1, new DateOnly(2026, 5, 5)))).EnsureSuccessStatusCode();     // after

        var statement = await (await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{pat.Id()}/statement?from=2026-04-01&to=2026-04-30")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(pat.Id(), statement.GetProperty("member").Id());
        Assert.Equal("2026-04-01", statement.Str("from"));
        Assert.Equal(2m, statement.GetProperty("openingBalance").GetDecimal());
        var entries = statement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(-0.75m, entries[0].GetProperty("hours").GetDecimal());
        Assert.Equal(1.25m, entries[0].GetProperty("balance").GetDecimal());
        Assert.Equal(sam.Str("memberRef"), entries[0].GetProperty("counterparty").Str("memberRef"));
        Assert.Equal(lawn.Id(), entries[1].GetProperty("exchangeId").GetGuid());
        Assert.Equal(2.75m, entries[1].GetProperty("balance").GetDecimal());
        Assert.Equal(2.75m, statement.GetProperty("closingBalance").GetDecimal());

        // Default period: the last three months to today; everything here is older than that or inside it.
        var recent = await (await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{pat.Id()}/statement")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(DateOnly.Parse(recent.Str("to"), System.Globalization.CultureInfo.InvariantCulture).AddMonths(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), recent.Str("from"));
        Assert.Equal(await client.BalanceAsync(pat.Id()), recent.GetProperty("closingBalance").GetDecimal());

        // A reversal is dated the day it is made and flagged on both lines.
        (await client.SendAsync(HttpMethod.Post, $"{lawn.Str("href")}/reversal", new { reason = "Was 1 hour" })).EnsureSuccessStatusCode();
        var all = await (await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{pat.Id()}/statement?from=2026-01-01")).ExpectAsync(HttpStatusCode.OK);
        var lines = all.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(5, lines.Count);
        Assert.True(lines[^1].GetProperty("isReversal").GetBoolean());
        Assert.Equal(-1.5m, lines[^1].GetProperty("hours").GetDecimal());
        Assert.Equal(lawn.Id(), lines[^1].GetProperty("reverses").Id());
        Assert.Contains(lines, l => l.GetProperty("exchangeId").GetGuid() == lawn.Id() && l.GetProperty("reversedBy").Id() == lines[^1].GetProperty("exchangeId").GetGuid());
        Assert.Equal(2.25m, all.GetProperty("closingBalance").GetDecimal()); // 2 − 0.75 + 1.5 + 1 − 1.5
    }

    [Fact]
    public async Task The_csv_is_a_named_download_by_accept_header_or_url_and_neutralises_formulas()
    {
        var client = Api.CreateClient();
        var (pat, sam) = (await client.CreateMemberAsync("Quince"), await client.CreateMemberAsync("Rue"));
        (await client.RecordAsync(Exchange(pat.Id(), sam.Id(), 1.5m, new DateOnly(2026, 4, 2), description: "=HYPERLINK(\"http://evil\",\"click\")"))).EnsureSuccessStatusCode();
        (await client.RecordAsync(Exchange(sam.Id(), pat.Id(), 0.5m, new DateOnly(2026, 4, 3), description: "@SUM(1+1), with a comma"))).EnsureSuccessStatusCode();
        var url = $"{TimeBankRequests.Api}/members/{pat.Id()}/statement";

        var byUrl = await client.SendAsync(HttpMethod.Get, $"{url}.csv?from=2026-04-01&to=2026-04-30");
        var byAccept = await client.SendAsync(HttpMethod.Get, $"{url}?from=2026-04-01&to=2026-04-30", accept: "text/csv");

        foreach (var response in new[] { byUrl, byAccept })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"statement-{pat.Str("memberRef")}-2026-04-01-to-2026-04-30.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        var csv = await byUrl.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(csv, await byAccept.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, rows.Length); // title, header, opening, two entries, closing
        Assert.StartsWith("Date,Exchange,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",1.50,1.50,", rows[3], StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(1+1), with a comma\",-0.50,1.00,", rows[4], StringComparison.Ordinal);
        Assert.EndsWith(",1.00,,", rows[5], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Split(',').Any(cell => cell.Length > 0 && cell[0] is '=' or '@' or '+'));

        var json = await client.SendAsync(HttpMethod.Get, url, accept: "application/json, text/csv;q=0.5");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_periods_are_400_naming_the_parameter_and_unknown_members_404()
    {
        var client = Api.CreateClient();
        var member = await client.CreateMemberAsync("Sage");
        var url = $"{TimeBankRequests.Api}/members/{member.Id()}/statement";

        var reversed = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{url}?from=2026-05-01&to=2026-04-01"), HttpStatusCode.BadRequest);
        Assert.True(reversed.GetProperty("errors").TryGetProperty("from", out _));
        var future = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{url}?from=2999-01-01"), HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("from", out _));
        var malformed = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{url}.csv?to=01/04/2026"), HttpStatusCode.BadRequest);
        Assert.True(malformed.GetProperty("errors").TryGetProperty("to", out _));
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{Guid.NewGuid()}/statement"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{TimeBankRequests.Api}/members/{Guid.NewGuid()}/statement.csv"), HttpStatusCode.NotFound);
    }
}
