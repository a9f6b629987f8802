using System.Globalization;

namespace AssetMap.Api.Features.Directory;

/// <summary>
/// A practitioner's shortlist: entry ids only, never a postcode, a name or anything about the person. Kept in a
/// session cookie (so it works as plain forms without JavaScript) and shared as <c>/shortlist?ids=…</c>.
/// </summary>
internal static class Shortlist
{
    public const string Cookie = "am-shortlist";
    public const int MaxEntries = 30;

    /// <summary>Ids from a comma-separated list; anything that is not a UUID is dropped, duplicates once.</summary>
    public static List<Guid> Parse(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Guid.TryParse(t, CultureInfo.InvariantCulture, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().Take(MaxEntries)];

    public static string Format(IEnumerable<Guid> ids) => string.Join(",", ids.Select(id => id.ToString("D")));

    public static List<Guid> Read(HttpRequest request) => Parse(request.Cookies[Cookie]);

    public static void Write(HttpResponse response, IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0)
        {
            response.Cookies.Delete(Cookie);
            return;
        }

        response.Cookies.Append(Cookie, Format(ids), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true, // what the person asked for, not tracking
        });
    }

    /// <summary>A local path to go back to, or <paramref name="fallback"/> (the shortlist itself): never another site.</summary>
    public static string SafeReturn(string? url, string fallback = "/shortlist") =>
        url is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal)
            ? u : fallback;
}
