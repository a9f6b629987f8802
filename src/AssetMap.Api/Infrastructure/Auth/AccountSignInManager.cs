using AssetMap.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>Identity's sign-in manager, refusing disabled accounts before their password is even checked.</summary>
internal sealed class AccountSignInManager(
    UserManager<Account> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<Account>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation)
    : SignInManager<Account>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user) => !user.Disabled && await base.CanSignInAsync(user);
}
