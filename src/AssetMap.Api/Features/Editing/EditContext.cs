using System.Security.Claims;
using AssetMap.Domain.History;

namespace AssetMap.Api.Features.Editing;

/// <summary>Who is changing a record and by which path: what every history entry records.</summary>
/// <param name="Actor">The signed-in account's name.</param>
/// <param name="Source">API, web form or accepted suggestion.</param>
/// <param name="Detail">Where exactly: the API client and request, the page, or the suggestion.</param>
internal sealed record EditContext(string Actor, AuditSource Source, string? Detail)
{
    /// <summary>An API call: the caller's name, and the client id a token carries (<c>azp</c>/<c>client_id</c>) with the request line.</summary>
    public static EditContext Api(HttpContext http)
    {
        var client = http.User.FindFirstValue("azp") ?? http.User.FindFirstValue("client_id");
        var request = $"{http.Request.Method} {http.Request.Path}";
        return new(ActorOf(http.User), AuditSource.Api, client is null ? request : $"client {client}: {request}");
    }

    /// <summary>A signed-in web form.</summary>
    public static EditContext Web(HttpContext http) => new(ActorOf(http.User), AuditSource.Web, $"web form {http.Request.Path}");

    public static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "unknown";
}
