using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;

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
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(TestTokens.Expired("dana", TimeSpan.FromHours(2), Roles.Editor))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(TestTokens.ForAudience("someone-else", "dana", Roles.Editor))).StatusCode);
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
