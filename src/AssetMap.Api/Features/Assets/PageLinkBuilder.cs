using System.Globalization;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace AssetMap.Api.Features.Assets;

/// <summary>
/// Self, next and previous links of a paged answer: the URL the client sent (a <c>.geojson</c> suffix included) with
/// only <c>page</c> changed, so every other filter carries over. Shared by every paged REST list.
/// </summary>
internal static class PageLinkBuilder
{
    /// <param name="http">The request being answered.</param>
    /// <param name="page">The page answered, from 1.</param>
    /// <param name="totalPages">Pages in all, as counted.</param>
    /// <param name="moreBeyondCount">The count is a lower bound and this page was full: offer a next page anyway.</param>
    public static PageLinks For(HttpContext http, int page, int totalPages, bool moreBeyondCount = false) => new(
        Url(http, page),
        page < totalPages || moreBeyondCount ? Url(http, page + 1) : null,
        page > 1 ? Url(http, Math.Min(page - 1, Math.Max(totalPages, 1))) : null);

    private static string Url(HttpContext http, int page)
    {
        var request = http.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{GeoJsonNegotiation.OriginalPath(http)}{QueryString.Create(query)}";
    }
}
