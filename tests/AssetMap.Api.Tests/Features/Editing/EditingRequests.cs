using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.TestSupport;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>Real HTTP requests to the editing API with real bearer tokens.</summary>
internal static class EditingRequests
{
    public static string Editor { get; } = TestTokens.For("dana", Roles.Editor);

    public static string Admin { get; } = TestTokens.For("ada", Roles.Admin);

    public static string Practitioner { get; } = TestTokens.For("pat", Roles.Practitioner);

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? token, object? body = null, string? ifMatch = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
            request.Content = new StringContent(text, Encoding.UTF8, contentType);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    /// <summary>A valid new hub, placed at a postcode the sample's postcode directory holds.</summary>
    public static object NewHub(string name) => new
    {
        name,
        summary = "A test hub for editing.",
        description = "Made by a test.",
        categories = new[] { "community-hubs" },
        address = new { line = "1 Orsett Road", town = "Grays", postcode = "RM17 5BN" },
        contact = new { phone = "01632 960001", email = "hub@example.org" },
        wheelchairAccessible = true,
        hub = new { openingHours = "Mo-Fr 09:00-17:00", facilities = new[] { "Café" } },
    };
}
