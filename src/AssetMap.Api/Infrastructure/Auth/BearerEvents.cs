using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// Bearer tokens outlive an admin's decision to disable someone: a token whose subject names a disabled local account
/// is refused on every request. Refusals are problem documents, like every other error of the API.
/// </summary>
internal sealed class BearerEvents : JwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var subject = context.Principal?.Identity?.Name;
        if (subject is { Length: > 0 })
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(subject) is { Disabled: true })
            {
                context.Fail("The account this token names is disabled.");
            }
        }
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        // Say why in the standard header (RFC 6750), not the body: the body stays a plain problem document.
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await AuthSetup.WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        AuthSetup.WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden);
}
