using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.GraphQL;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.Freshness;

/// <summary>Micro-enterprise evidence flagged expired, expiring soon or valid, the same in REST and GraphQL, and listed for editors.</summary>
public sealed class EvidenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Expired_soon_and_valid_evidence_are_flagged_in_rest_and_graphql()
    {
        var (expired, soon, fine) = await ArrangeAsync();
        var client = api.CreateClient();

        var states = await RestStatesAsync(client, expired);
        Assert.Equal("expired", states["publicLiabilityInsurance"]);
        Assert.Equal("expiringSoon", states["dbsCheck"]);
        Assert.Equal("valid", states["cqcRegistration"]);

        Assert.Equal("expiringSoon", (await RestStatesAsync(client, soon))["publicLiabilityInsurance"]);
        Assert.Equal("expired", (await RestStatesAsync(client, soon))["dbsCheck"]);
        var fineStates = await RestStatesAsync(client, fine);
        Assert.Equal(["valid", "valid"], [fineStates["dbsCheck"], fineStates["publicLiabilityInsurance"]]);
        Assert.False(fineStates.ContainsKey("cqcRegistration"));

        var reply = await client.PostAsync($$"""{ asset(id: "{{expired}}") { ... on MicroEnterprise { cqcCheckedOn evidence { kind state date expiresOn reference } } } }""");
        var evidence = reply.Data().GetProperty("asset").GetProperty("evidence").EnumerateArray()
            .ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("state").GetString());
        Assert.Equal("EXPIRED", evidence["PUBLIC_LIABILITY_INSURANCE"]);
        Assert.Equal("EXPIRING_SOON", evidence["DBS_CHECK"]);
        Assert.Equal("VALID", evidence["CQC_REGISTRATION"]);
    }

    [Fact]
    public async Task Evidence_due_lists_expired_and_soon_expiring_businesses_soonest_first()
    {
        var (expired, soon, fine) = await ArrangeAsync();
        var editor = api.As("dana", Roles.Editor);

        var page = await editor.GetFromJsonAsync<JsonElement>("/api/v1/micro-enterprises/evidence-due?within=30d", Ct);
        var listed = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();

        Assert.NotEmpty(listed);
        Assert.Equal([soon, expired], listed);
        Assert.DoesNotContain(fine, listed);
        var first = page.GetProperty("items")[0];
        Assert.Contains(first.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("state").GetString() == "expired");

        var problem = await ProblemAssert.IsProblemAsync(await editor.GetAsync("/api/v1/micro-enterprises/evidence-due?within=-3", Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("within", out _));
    }

    private static async Task<Dictionary<string, string?>> RestStatesAsync(HttpClient client, string slug)
    {
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{slug}", Ct);
        return detail.GetProperty("microEnterprise").GetProperty("evidence").EnumerateArray()
            .ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("state").GetString());
    }

    // Every business's evidence in date, then three put at known points: expired insurance + DBS expiring in ~2 weeks +
    // a CQC registration confirmed last month; insurance expiring in 10 days + DBS over 3 years old; all in date.
    private async Task<(string Expired, string Soon, string Fine)> ArrangeAsync()
    {
        await api.SqlAsync("UPDATE assets SET insurance_expires_on = current_date + 300, dbs_checked_on = current_date - 30, cqc_registration = NULL, cqc_checked_on = NULL WHERE kind = 'micro_enterprise'");
        var slugs = await api.ScalarAsync<string[]>("SELECT array_agg(slug ORDER BY slug) FROM (SELECT slug FROM assets WHERE kind = 'micro_enterprise' AND status = 'published' ORDER BY slug LIMIT 3) s");
        await api.SqlAsync("UPDATE assets SET insurance_expires_on = current_date - 1, dbs_checked_on = (current_date - interval '36 months' + interval '14 days')::date, cqc_registration = '1-101', cqc_checked_on = current_date - 30 WHERE slug = $1", slugs[0]);
        await api.SqlAsync("UPDATE assets SET insurance_expires_on = current_date + 10, dbs_checked_on = (current_date - interval '37 months')::date WHERE slug = $1", slugs[1]);
        return (slugs[0], slugs[1], slugs[2]);
    }
}
