using System.Text.RegularExpressions;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Operations;

public sealed partial class SecurityHeadersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Urls() =>
    [
        "/api/v1/categories",
        "/api/v1/assets?q=lunch",
        "/api/v1/assets?lat=abc",
        "/no/such/page",
        "/graphql?query=%7B__typename%7D",
        "/graphql/ui",
        "/graphql-ui/graphiql-setup.js",
        "/swagger/index.html",
        "/health/live",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await api.CreateClient().GetAsync(url, Ct);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", csp, StringComparison.Ordinal);
        Assert.Contains("font-src 'self' data:;", csp, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_graphiql_page_has_no_inline_script_or_style()
    {
        var html = await api.CreateClient().GetStringAsync("/graphql/ui", Ct);

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
    }

    [Theory]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "img-src 'self' data: https://*.tile.example.org;")]
    [InlineData("https://tiles.example.org:8443/osm/{z}/{x}/{y}.png", "img-src 'self' data: https://tiles.example.org:8443;")]
    [InlineData("/tiles/{z}/{x}/{y}.png", "img-src 'self' data:;")]
    [InlineData("https://evil.example; script-src *", "img-src 'self' data:;")]
    public void The_policy_allows_images_from_the_configured_tile_server_only(string tileUrl, string expected)
    {
        var policy = SecurityHeaders.ContentSecurityPolicy(tileUrl);

        Assert.Contains(expected, policy, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(policy, "script-src"));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
