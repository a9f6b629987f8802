using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;
using Microsoft.IdentityModel.Tokens;

namespace AssetMap.Api.Tests.Features.Auth;

public sealed class BearerTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_valid_token_names_the_caller_and_their_roles()
    {
        var response = await Get(TestTokens.For("dana", Roles.Editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeEndpoint.Me>(TestContext.Current.CancellationToken);
        Assert.Equal("dana", me!.Name);
        Assert.Equal([Roles.Editor], me.Roles);
    }

    [Fact]
    public async Task No_token_an_expired_token_and_a_token_for_another_audience_are_401()
    {
        await ProblemAssert.IsProblemAsync(await Get(null), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(TestTokens.Expired("dana", TimeSpan.FromHours(2), Roles.Editor))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(TestTokens.ForAudience("someone-else", "dana", Roles.Editor))).StatusCode);
    }

    [Fact]
    public async Task A_tampered_signature_an_unsigned_alg_none_token_and_a_raised_role_are_401()
    {
        var token = TestTokens.For("dana", Roles.Practitioner);
        var parts = token.Split('.');
        // Flip one character of the signature.
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        // Keep the signature, change the payload: practitioner → admin.
        var raised = $"{parts[0]}.{Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace(Roles.Practitioner, Roles.Admin, StringComparison.Ordinal))}.{parts[2]}";

        Assert.Equal(HttpStatusCode.OK, (await Get(token)).StatusCode);
        foreach (var bad in new[] { tampered, raised, TestTokens.WithoutSignature("dana", Roles.Admin) })
        {
            var response = await Get(bad);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_naming_a_disabled_local_account_is_401_and_works_again_once_enabled()
    {
        await TestAccounts.CreateAsync(api.Services, "erin", Roles.Editor);
        var token = TestTokens.For("erin", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await Get(token)).StatusCode);

        await TestAccounts.SetDisabledAsync(api.Services, "erin", disabled: true);
        await ProblemAssert.IsProblemAsync(await Get(token), HttpStatusCode.Unauthorized);

        await TestAccounts.SetDisabledAsync(api.Services, "erin", disabled: false);
        Assert.Equal(HttpStatusCode.OK, (await Get(token)).StatusCode);
    }

    [Fact]
    public async Task A_role_the_endpoint_does_not_allow_is_a_403_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/accounts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("pat", Roles.Practitioner));
        var response = await api.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private async Task<HttpResponseMessage> Get(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await api.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
