using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.TestSupport;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Real HTTP requests to the broker's time-bank API with real bearer tokens.</summary>
internal static class TimeBankRequests
{
    public const string Api = "/api/v1/timebank";

    public static string Broker { get; } = TestTokens.For("jo", Roles.Broker);

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, string? token = null,
        string? ifMatch = null, string? idempotencyKey = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Broker);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    /// <summary>Asserts the status (printing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A new active member in a postcode the sample knows; returns the created member.</summary>
    public static async Task<JsonElement> CreateMemberAsync(this HttpClient client, string firstName, params string[] skills)
    {
        var response = await client.SendAsync(HttpMethod.Post, $"{Api}/members", NewMember(firstName, skills));
        return await response.ExpectAsync(HttpStatusCode.Created);
    }

    public static object NewMember(string firstName, params string[] skills) => new
    {
        firstName,
        lastInitial = "T",
        postcode = "RM17 5BN",
        skillsOffered = skills.Length == 0 ? ["gardening"] : skills,
        skillsWanted = new[] { "befriending" },
        offerDetails = $"{firstName} helps with the garden",
        availability = "Weekday mornings",
        contactPreference = "phone",
        contactDetails = "07700 900123",
    };

    public static object Exchange(Guid giver, Guid receiver, decimal hours, DateOnly? on = null, string? category = "gardening", string? description = "Weeding") => new
    {
        giverId = giver,
        receiverId = receiver,
        hours,
        occurredOn = (on ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        category,
        description,
    };

    public static Task<HttpResponseMessage> RecordAsync(this HttpClient client, object exchange, string? key = null) =>
        client.SendAsync(HttpMethod.Post, $"{Api}/exchanges", exchange, idempotencyKey: key ?? Guid.NewGuid().ToString());

    /// <summary>Every item of a paged list, following the next links, as the broker.</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(this HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await (await client.SendAsync(HttpMethod.Get, next)).ExpectAsync(HttpStatusCode.OK);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("links").TryGetProperty("next", out var link) ? link.GetString() : null;
        }

        return items;
    }

    public static async Task<decimal> BalanceAsync(this HttpClient client, Guid member) =>
        (await (await client.SendAsync(HttpMethod.Get, $"{Api}/members/{member}")).ExpectAsync(HttpStatusCode.OK)).GetProperty("balance").GetDecimal();
}
