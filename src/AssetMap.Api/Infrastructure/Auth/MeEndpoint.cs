using System.Security.Claims;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>Who the caller is signed in as: lets a program check its token, and a page show who is signed in.</summary>
internal static class MeEndpoint
{
    /// <summary>The signed-in caller's name and roles.</summary>
    public sealed record Me(string Name, IReadOnlyList<string> Roles);

    public static IEndpointRouteBuilder MapMeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", (ClaimsPrincipal user) => TypedResults.Ok(new Me(
                user.Identity?.Name ?? "",
                [.. Roles.All.Where(user.IsInRole)])))
            .RequireAuthorization()
            .WithTags("Account")
            .WithSummary("The signed-in caller's name and roles.");
        return app;
    }
}
