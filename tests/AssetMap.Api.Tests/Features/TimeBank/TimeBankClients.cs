using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Clients that call the API as a given role with a real signed token, and the signed-in GraphQL endpoint.</summary>
internal static class TimeBankClients
{
    public static HttpClient As(this ApiFactory api, string? role, string name = "pat")
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(name, role));
        }

        return client;
    }

    public static async Task<(int Status, JsonElement Body)> AuthorisedGraphQLAsync(this HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsync("/graphql/authorised", JsonContent.Create(new { query, variables }), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode < 500, $"/graphql/authorised answered {(int)response.StatusCode}: {text}");
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
