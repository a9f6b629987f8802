using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssetMap.Api.Tests.GraphQL;

/// <summary>Posts GraphQL requests the way a partner app would.</summary>
internal static class GraphQLClient
{
    public sealed record Reply(HttpStatusCode Status, string? MediaType, JsonElement Body);

    public static async Task<Reply> PostAsync(this HttpClient client, string query, object? variables = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return await SendGraphQLAsync(client, request);
    }

    public static async Task<Reply> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode < 500, $"GraphQL answered {(int)response.StatusCode}: {text}");
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Data of a reply that must have no errors.</summary>
    public static JsonElement Data(this Reply reply)
    {
        Assert.False(reply.Body.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Body.GetProperty("data");
    }

    /// <summary>The code of the first error.</summary>
    public static string? FirstErrorCode(this Reply reply) =>
        reply.Body.GetProperty("errors")[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString() : null;
}
