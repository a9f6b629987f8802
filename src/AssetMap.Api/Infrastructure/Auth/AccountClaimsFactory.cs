using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>Adds the display name to the cookie's claims, so the header needs no query.</summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayName = "display_name";

    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(DisplayName, user.DisplayName));
        return identity;
    }
}
