using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Account;

/// <summary>Where a signed-in person lands when their roles do not allow a page: a 403, saying what to do.</summary>
internal sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
