using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// Who is calling. Programs send a JWT bearer token validated against the configured authority/audience (the
/// <c>Authentication:Schemes:Bearer</c> section, which <c>dotnet user-jwts</c> writes in Development). Anonymous
/// callers keep every public read; endpoints that need a role name an <see cref="AuthPolicies"/> policy.
/// </summary>
internal static class AuthSetup
{
    public static IServiceCollection AddAssetMapAuth(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Role claims arrive as "role" (user-jwts, most identity providers); keep names as sent.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.NameClaimType = "sub";
            });
        services.AddAuthorization(AuthPolicies.Add);
        return services;
    }

    public static IApplicationBuilder UseAssetMapAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();
}
