using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Features.OpenReferral;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Features.Auth;

/// <summary>
/// Every endpoint × anonymous and each role → the status it must answer, as one table. The test enumerates the app's
/// own <see cref="EndpointDataSource"/>: an endpoint without a row fails it, so whoever adds an endpoint adds one line
/// to <see cref="Rows"/> saying who may use it.
/// </summary>
public sealed class RoleMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Who may use an endpoint: everyone, anyone signed in, or the holders of a policy.</summary>
    public sealed record Access(string? Policy, bool SignedIn)
    {
        public static readonly Access Public = new(null, false);
        public static readonly Access AnySignedIn = new(null, true);

        public static Access Needs(string policy) => new(policy, true);
    }

    /// <summary>
    /// One line per endpoint: its key (methods and route pattern, as the failure message prints it), the URL to call
    /// (<c>{asset}</c>, <c>{slug}</c>, <c>{area}</c> are filled from the sample), who may use it, and the status an
    /// allowed caller gets (200 unless the call without a body is itself a client error).
    /// </summary>
    private static readonly (string Endpoint, string Url, Access Access, int Ok)[] Rows =
    [
        // The web directory and health: everyone.
        ("ANY /", "/", Access.Public, 200),
        ("ANY /areas", "/areas", Access.Public, 200),
        ("ANY /areas/{code}", "/areas/{area}", Access.Public, 200),
        ("ANY /directory/{key}", "/directory/{slug}", Access.Public, 200),
        ("ANY /near", "/near", Access.Public, 200),
        ("ANY /needs", "/needs", Access.Public, 200),
        ("ANY /shortlist", "/shortlist", Access.Public, 200),
        ("ANY /health/live", "/health/live", Access.Public, 200),
        ("ANY /health/ready", "/health/ready", Access.Public, 200),
        // Signing in and out.
        ("ANY /account/sign-in", "/account/sign-in", Access.Public, 200),
        ("ANY /account/sign-out", "/account/sign-out", Access.Public, 200),
        ("ANY /account/access-denied", "/account/access-denied", Access.Public, 403),
        ("ANY /account/external", "/account/external", Access.Public, 302),
        ("GET /api/v1/me", "/api/v1/me", Access.AnySignedIn, 200),
        // Admin.
        ("ANY /admin/accounts", "/admin/accounts", Access.Needs(AuthPolicies.Admin), 200),
        ("ANY /admin/accounts/{id:guid}", "/admin/accounts/{account}", Access.Needs(AuthPolicies.Admin), 200),
        ("ANY /admin/audit", "/admin/audit", Access.Needs(AuthPolicies.Admin), 200),
        ("GET /api/v1/audit", "/api/v1/audit", Access.Needs(AuthPolicies.Admin), 200),

        // Editing, history, suggestions, review and uploads: editors (and admins). Bodiless calls are client errors:
        // creating from "{}" breaks the rules (422), a replacement without If-Match is 428, unknown ids are 404.
        ("ANY /directory/{key}/report", "/directory/{slug}/report", Access.Public, 200),
        ("ANY /editor/assets/{id:guid}/edit", "/editor/assets/{asset}/edit", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /editor/assets/{id:guid}/history", "/editor/assets/{asset}/history", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /editor/new/{kind}", "/editor/new/hub", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /editor/suggestions", "/editor/suggestions", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /editor/suggestions/{id:guid}", "/editor/suggestions/{missing}", Access.Needs(AuthPolicies.Editor), 404),
        ("ANY /review/due", "/review/due", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /review/evidence", "/review/evidence", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /uploads", "/uploads", Access.Needs(AuthPolicies.Editor), 200),
        ("ANY /uploads/{id:guid}", "/uploads/{missing}", Access.Needs(AuthPolicies.Editor), 404),
        ("GET /api/v1/assets/{id:guid}/editable", "/api/v1/assets/{asset}/editable", Access.Needs(AuthPolicies.Editor), 200),
        ("GET /api/v1/assets/{id:guid}/history", "/api/v1/assets/{asset}/history", Access.Needs(AuthPolicies.Editor), 200),
        ("PUT /api/v1/assets/{id:guid}", "/api/v1/assets/{asset}", Access.Needs(AuthPolicies.Editor), 428),
        ("PATCH /api/v1/assets/{id:guid}", "/api/v1/assets/{asset}", Access.Needs(AuthPolicies.Editor), 428),
        ("POST /api/v1/assets/{id:guid}/archive", "/api/v1/assets/{missing}/archive", Access.Needs(AuthPolicies.Editor), 428),
        ("POST /api/v1/assets/{id:guid}/verify", "/api/v1/assets/{missing}/verify", Access.Needs(AuthPolicies.Editor), 404),
        ("POST /api/v1/hubs", "/api/v1/hubs", Access.Needs(AuthPolicies.Editor), 422),
        ("POST /api/v1/activities", "/api/v1/activities", Access.Needs(AuthPolicies.Editor), 422),
        ("POST /api/v1/micro-enterprises", "/api/v1/micro-enterprises", Access.Needs(AuthPolicies.Editor), 422),
        ("GET /api/v1/suggestions/", "/api/v1/suggestions/", Access.Needs(AuthPolicies.Editor), 200),
        ("GET /api/v1/suggestions/{id:guid}", "/api/v1/suggestions/{missing}", Access.Needs(AuthPolicies.Editor), 404),
        ("POST /api/v1/suggestions/{id:guid}/accept", "/api/v1/suggestions/{missing}/accept", Access.Needs(AuthPolicies.Editor), 404),
        ("POST /api/v1/suggestions/{id:guid}/dismiss", "/api/v1/suggestions/{missing}/dismiss", Access.Needs(AuthPolicies.Editor), 404),
        ("GET /api/v1/review/due", "/api/v1/review/due", Access.Needs(AuthPolicies.Editor), 200),
        ("GET /api/v1/micro-enterprises/evidence-due", "/api/v1/micro-enterprises/evidence-due", Access.Needs(AuthPolicies.Editor), 200),
        ("POST /api/v1/imports/", "/api/v1/imports/", Access.Needs(AuthPolicies.Editor), 400),
        ("GET /api/v1/imports/{id:guid}", "/api/v1/imports/{missing}", Access.Needs(AuthPolicies.Editor), 404),
        ("GET /api/v1/imports/{id:guid}/rejects", "/api/v1/imports/{missing}/rejects", Access.Needs(AuthPolicies.Editor), 404),
        ("POST /api/v1/imports/{id:guid}/apply", "/api/v1/imports/{missing}/apply", Access.Needs(AuthPolicies.Editor), 404),
        // The time bank's REST API: brokers (and admins) only. Bodiless calls are client errors: "{}" breaks the
        // member rules (422), an exchange without Idempotency-Key is 400, changes without If-Match are 428.
        ("GET /api/v1/timebank/members", "/api/v1/timebank/members", Access.Needs(AuthPolicies.Broker), 200),
        ("POST /api/v1/timebank/members", "/api/v1/timebank/members", Access.Needs(AuthPolicies.Broker), 422),
        ("GET /api/v1/timebank/members/{id:guid}", "/api/v1/timebank/members/{member}", Access.Needs(AuthPolicies.Broker), 200),
        ("PUT /api/v1/timebank/members/{id:guid}", "/api/v1/timebank/members/{member}", Access.Needs(AuthPolicies.Broker), 428),
        ("POST /api/v1/timebank/members/{id:guid}/deactivate", "/api/v1/timebank/members/{member}/deactivate", Access.Needs(AuthPolicies.Broker), 428),
        ("POST /api/v1/timebank/members/{id:guid}/reactivate", "/api/v1/timebank/members/{member}/reactivate", Access.Needs(AuthPolicies.Broker), 428),
        ("POST /api/v1/timebank/members/{id:guid}/leave", "/api/v1/timebank/members/{member}/leave", Access.Needs(AuthPolicies.Broker), 428),
        ("GET /api/v1/timebank/members/{id:guid}/history", "/api/v1/timebank/members/{member}/history", Access.Needs(AuthPolicies.Broker), 200),
        ("GET /api/v1/timebank/members/{id:guid}/statement", "/api/v1/timebank/members/{member}/statement", Access.Needs(AuthPolicies.Broker), 200),
        ("GET /api/v1/timebank/members/{id:guid}/statement.csv", "/api/v1/timebank/members/{member}/statement.csv", Access.Needs(AuthPolicies.Broker), 200),
        ("POST /api/v1/timebank/exchanges", "/api/v1/timebank/exchanges", Access.Needs(AuthPolicies.Broker), 400),
        ("GET /api/v1/timebank/exchanges", "/api/v1/timebank/exchanges", Access.Needs(AuthPolicies.Broker), 200),
        ("GET /api/v1/timebank/exchanges/{id:guid}", "/api/v1/timebank/exchanges/{exchange}", Access.Needs(AuthPolicies.Broker), 200),
        ("POST /api/v1/timebank/exchanges/{id:guid}/reversal", "/api/v1/timebank/exchanges/{missing}/reversal", Access.Needs(AuthPolicies.Broker), 404),
        ("GET /api/v1/timebank/banks", "/api/v1/timebank/banks", Access.Needs(AuthPolicies.Broker), 200),
        // Time bank, broker pages: brokers (and admins). Unknown member and exchange ids are 404.
        ("ANY /timebank", "/timebank", Access.Needs(AuthPolicies.Broker), 200),
        ("ANY /timebank/members/new", "/timebank/members/new", Access.Needs(AuthPolicies.Broker), 200),
        ("ANY /timebank/members/{id:guid}", "/timebank/members/{missing}", Access.Needs(AuthPolicies.Broker), 404),
        ("ANY /timebank/members/{id:guid}/edit", "/timebank/members/{missing}/edit", Access.Needs(AuthPolicies.Broker), 404),
        ("ANY /timebank/members/{id:guid}/leave", "/timebank/members/{missing}/leave", Access.Needs(AuthPolicies.Broker), 404),
        ("ANY /timebank/exchanges/new", "/timebank/exchanges/new", Access.Needs(AuthPolicies.Broker), 200),
        ("ANY /timebank/exchanges/{id:guid}", "/timebank/exchanges/{missing}", Access.Needs(AuthPolicies.Broker), 404),
        // REST reads: everyone.
        ("GET /api/v1/assets/", "/api/v1/assets/", Access.Public, 200),
        ("GET /api/v1/assets/{idOrSlug}", "/api/v1/assets/{asset}", Access.Public, 200),
        ("GET /api/v1/hubs/", "/api/v1/hubs/", Access.Public, 200),
        ("GET /api/v1/hubs/{idOrSlug}", "/api/v1/hubs/{asset}", Access.Public, 200),
        ("GET /api/v1/activities/", "/api/v1/activities/", Access.Public, 200),
        ("GET /api/v1/activities/{idOrSlug}", "/api/v1/activities/{activity}", Access.Public, 200),
        ("GET /api/v1/micro-enterprises/", "/api/v1/micro-enterprises/", Access.Public, 200),
        ("GET /api/v1/micro-enterprises/{idOrSlug}", "/api/v1/micro-enterprises/{enterprise}", Access.Public, 200),
        ("GET /api/v1/categories", "/api/v1/categories", Access.Public, 200),
        ("GET /api/v1/pcn-areas/", "/api/v1/pcn-areas/", Access.Public, 200),
        ("GET /api/v1/pcn-areas/lookup", "/api/v1/pcn-areas/lookup?postcode={postcode}", Access.Public, 200),
        ("GET /api/v1/pcn-areas/{code}", "/api/v1/pcn-areas/{area}", Access.Public, 200),
        ("GET /api/v1/pcn-areas/{code}/assets", "/api/v1/pcn-areas/{area}/assets", Access.Public, 200),
        ("GET /api/v1/postcodes/{postcode}", "/api/v1/postcodes/{postcode}", Access.Public, 200),
        // GraphQL (the request carries the caller to the schema) and its explorer.
        ("GET /graphql/", "/graphql/?query=%7B__typename%7D", Access.Public, 200),
        ("POST /graphql/", "/graphql/", Access.Public, 200),
        ("GET /graphql/ui", "/graphql/ui", Access.Public, 200),
        ("GET /graphql/authorised/", "/graphql/authorised/?query=%7B__typename%7D", Access.Needs(AuthPolicies.Practitioner), 200),
        ("POST /graphql/authorised/", "/graphql/authorised/", Access.Needs(AuthPolicies.Practitioner), 200),
        // Time-bank members near a person: practitioners (and brokers, admins). Without a point it is a 400.
        ("ANY /timebank/near", "/timebank/near?postcode={postcode}&skill=gardening", Access.Needs(AuthPolicies.Practitioner), 200),
        ("GET /api/v1/timebank/near", "/api/v1/timebank/near?postcode={postcode}&skill=gardening", Access.Needs(AuthPolicies.Practitioner), 200),
        // Open Referral UK feed: everyone.
        ("GET /openreferral/v3/", "/openreferral/v3/", Access.Public, 200),
        ("GET /openreferral/v3/organizations", "/openreferral/v3/organizations", Access.Public, 200),
        ("GET /openreferral/v3/organizations/{id}", "/openreferral/v3/organizations/{organization}", Access.Public, 200),
        ("GET /openreferral/v3/services", "/openreferral/v3/services", Access.Public, 200),
        ("GET /openreferral/v3/services/{id}", "/openreferral/v3/services/{service}", Access.Public, 200),
        ("GET /openreferral/v3/service_at_locations", "/openreferral/v3/service_at_locations", Access.Public, 200),
        ("GET /openreferral/v3/service_at_locations/{id}", "/openreferral/v3/service_at_locations/{service}", Access.Public, 200),
        ("GET /openreferral/v3/taxonomies", "/openreferral/v3/taxonomies", Access.Public, 200),
        ("GET /openreferral/v3/taxonomies/{id}", "/openreferral/v3/taxonomies/{taxonomy}", Access.Public, 200),
        ("GET /openreferral/v3/taxonomy_terms", "/openreferral/v3/taxonomy_terms", Access.Public, 200),
        ("GET /openreferral/v3/taxonomy_terms/{id}", "/openreferral/v3/taxonomy_terms/{term}", Access.Public, 200),
    ];

    // The policies' members, written out independently of AuthPolicies so a changed policy fails here.
    private static readonly Dictionary<string, string[]> PolicyRoles = new()
    {
        [AuthPolicies.Practitioner] = [Roles.Practitioner, Roles.Broker, Roles.Admin],
        [AuthPolicies.Broker] = [Roles.Broker, Roles.Admin],
        [AuthPolicies.Editor] = [Roles.Editor, Roles.Admin],
        [AuthPolicies.Admin] = [Roles.Admin],
    };

    [Fact]
    public void Every_endpoint_of_the_app_has_a_row()
    {
        var keys = EndpointKeys();
        Assert.NotEmpty(keys);
        var missing = keys.Except(Rows.Select(r => r.Endpoint)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in RoleMatrixTests.Rows (add one line each):\n"
            + string.Join("\n", missing.Select(k => $"        (\"{k}\", \"{k.Split(' ', 2)[1]}\", Access.Public, 200),")));
        var stale = Rows.Select(r => r.Endpoint).Except(keys).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints the app no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_table_says()
    {
        Assert.NotEmpty(Rows);
        var sample = await SampleAsync();
        var failures = new List<string>();
        foreach (var row in Rows)
        {
            var url = Fill(row.Url, sample);
            foreach (var role in new string?[] { null }.Concat(Roles.All))
            {
                var expected = Expected(row, role);
                var actual = await CallAsync(row.Endpoint, url, role);
                if (actual != expected)
                {
                    failures.Add($"{row.Endpoint} as {role ?? "anonymous"}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static int Expected((string Endpoint, string Url, Access Access, int Ok) row, string? role)
    {
        var page = !AuthSetup.IsApi(new DefaultHttpContext { Request = { Path = row.Url.Split('?')[0] } }.Request);
        if (!row.Access.SignedIn)
        {
            return row.Ok;
        }

        if (role is null)
        {
            return page ? 302 : 401; // pages send people to sign in; APIs answer 401
        }

        return row.Access.Policy is null || PolicyRoles[row.Access.Policy].Contains(role) ? row.Ok : 403;
    }

    private async Task<int> CallAsync(string endpoint, string url, string? role)
    {
        var method = endpoint.Split(' ')[0] is "ANY" ? "GET" : endpoint.Split(' ')[0].Split(',')[0];
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            // Each endpoint's own media type, so routing reaches authorisation instead of answering 415.
            request.Content = url.StartsWith("/api/v1/imports/", StringComparison.Ordinal) && url.Length == "/api/v1/imports/".Length
                ? new MultipartFormDataContent()
                : new StringContent(
                    url.StartsWith("/graphql", StringComparison.Ordinal) ? "{\"query\":\"{__typename}\"}" : "{}",
                    Encoding.UTF8,
                    method == "PATCH" ? "application/merge-patch+json" : "application/json");
        }

        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For($"matrix-{role}", role));
        }

        using var client = api.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    private HashSet<string> EndpointKeys()
    {
        var source = api.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>().Select(e =>
        {
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var verb = methods is { Count: > 0 } ? string.Join(",", methods.Order(StringComparer.Ordinal)) : "ANY";
            return $"{verb} /{e.RoutePattern.RawText?.TrimStart('/')}";
        })];
    }

    /// <summary>Real ids and codes from the sample, for the URLs' placeholders.</summary>
    private async Task<Dictionary<string, string>> SampleAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await TestAccounts.CreateAsync(api.Services, "matrix-target", Roles.Practitioner);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        var hub = await db.Hubs.OrderBy(a => a.Name).FirstAsync(ct);
        var sample = new Dictionary<string, string>
        {
            ["{asset}"] = hub.Id.ToString(),
            ["{slug}"] = hub.Slug,
            ["{activity}"] = (await db.Activities.OrderBy(a => a.Name).FirstAsync(ct)).Id.ToString(),
            ["{enterprise}"] = (await db.MicroEnterprises.OrderBy(a => a.Name).FirstAsync(ct)).Id.ToString(),
            ["{area}"] = (await db.PcnAreas.OrderBy(a => a.Code).FirstAsync(ct)).Code,
            ["{postcode}"] = Uri.EscapeDataString(hub.PublicPostcode ?? throw new InvalidOperationException("The sample hub has no postcode")),
            ["{account}"] = (await db.Users.SingleAsync(u => u.UserName == "matrix-target", ct)).Id.ToString(),
            ["{missing}"] = Guid.NewGuid().ToString(),
            ["{member}"] = (await db.TimeBankMembers.OrderBy(m => m.MemberRef).FirstAsync(ct)).Id.ToString(),
            ["{exchange}"] = (await db.TimeBankExchanges.OrderBy(e => e.Id).FirstAsync(ct)).Id.ToString(),
            ["{taxonomy}"] = OrukIds.Taxonomy.ToString(),
            ["{term}"] = OrukIds.TaxonomyTerm((await db.Categories.OrderBy(c => c.Slug).FirstAsync(ct)).Slug).ToString(),
            ["{organization}"] = await FirstIdAsync("/openreferral/v3/organizations"),
            ["{service}"] = await FirstIdAsync("/openreferral/v3/services"),
        };
        Assert.All(sample.Values, v => Assert.False(string.IsNullOrEmpty(v)));
        return sample;
    }

    private async Task<string> FirstIdAsync(string list)
    {
        var page = await api.CreateClient().GetFromJsonAsync<JsonElement>(list, TestContext.Current.CancellationToken);
        return page.GetProperty("contents")[0].GetProperty("id").GetString()!;
    }

    private static string Fill(string url, Dictionary<string, string> sample) =>
        sample.Aggregate(url, (filled, pair) => filled.Replace(pair.Key, pair.Value, StringComparison.Ordinal));
}
