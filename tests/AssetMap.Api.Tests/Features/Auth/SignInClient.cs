using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssetMap.Api.Tests.Features.Auth;

/// <summary>A browser-like client over the real pipeline: keeps cookies, reads each form's antiforgery token, no redirects followed.</summary>
internal sealed partial class SignInClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static SignInClient For<T>(WebApplicationFactory<T> factory)
        where T : class =>
        new(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (and its cookie, kept by the client).</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page, TestContext.Current.CancellationToken);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, string? returnUrl = null) =>
        await PostFormAsync("/account/sign-in", new()
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "",
            ["__RequestVerificationToken"] = await TokenAsync("/account/sign-in"),
        });

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields) =>
        await Http.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
