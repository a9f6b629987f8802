using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using static AssetMap.Api.Tests.Features.Editing.EditingRequests;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>Editing, history, suggestions review and the audit: anonymous callers 401, practitioners 403.</summary>
public sealed class EditingAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> EditorEndpoints => new()
    {
        { "POST", "/api/v1/hubs" },
        { "POST", "/api/v1/micro-enterprises" },
        { "POST", "/api/v1/activities" },
        { "GET", "/api/v1/assets/0195f0d4-0000-7000-8000-000000000001/editable" },
        { "PUT", "/api/v1/assets/0195f0d4-0000-7000-8000-000000000001" },
        { "PATCH", "/api/v1/assets/0195f0d4-0000-7000-8000-000000000001" },
        { "POST", "/api/v1/assets/0195f0d4-0000-7000-8000-000000000001/archive" },
        { "GET", "/api/v1/assets/0195f0d4-0000-7000-8000-000000000001/history" },
        { "GET", "/api/v1/suggestions" },
        { "POST", "/api/v1/suggestions/0195f0d4-0000-7000-8000-000000000001/accept" },
        { "POST", "/api/v1/suggestions/0195f0d4-0000-7000-8000-000000000001/dismiss" },
    };

    [Theory]
    [MemberData(nameof(EditorEndpoints))]
    public async Task Editor_endpoints_are_401_anonymous_403_for_a_practitioner_and_open_to_editors(string method, string url)
    {
        var client = api.CreateClient();
        var verb = new HttpMethod(method);
        var type = method == "PATCH" ? "application/merge-patch+json" : "application/json";

        await ProblemAssert.IsProblemAsync(await client.SendAsync(verb, url, null, new { }, contentType: type), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(verb, url, Practitioner, new { }, contentType: type), HttpStatusCode.Forbidden);
        var asEditor = await client.SendAsync(verb, url, Editor, new { }, contentType: type);
        Assert.NotEqual(HttpStatusCode.Unauthorized, asEditor.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, asEditor.StatusCode);
        Assert.True((int)asEditor.StatusCode < 500, $"{method} {url} answered {(int)asEditor.StatusCode}");
    }

    [Fact]
    public async Task The_audit_is_for_admins_only_filters_by_person_and_day_and_refuses_a_bad_date()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/api/v1/audit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, "/api/v1/audit", Editor)).StatusCode);

        var auditor = AssetMap.TestSupport.TestTokens.For("audit-test-editor", AssetMap.Api.Infrastructure.Auth.Roles.Editor);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, "/api/v1/hubs", auditor, NewHub("Audit Test Hub"))).StatusCode);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/audit?actor=audit-test-editor&from={today}&to={today}", Admin)).JsonAsync();

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("audit-test-editor", i.GetProperty("actor").GetString()));
        Assert.Contains(items, i => i.GetProperty("action").GetString() == "created");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = await (await client.SendAsync(HttpMethod.Get, $"/api/v1/audit?actor=audit-test-editor&to={yesterday}", Admin)).JsonAsync();
        Assert.Equal(0, before.GetProperty("total").GetInt32());

        var bad = await client.SendAsync(HttpMethod.Get, "/api/v1/audit?from=yesterday", Admin);
        Assert.True((await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("from", out _));
    }
}
