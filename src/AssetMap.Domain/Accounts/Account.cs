using Microsoft.AspNetCore.Identity;

namespace AssetMap.Domain.Accounts;

/// <summary>
/// A person who signs in (table <c>accounts</c>): ASP.NET Core Identity keeps the name, password hash, lockout and
/// security stamp; AssetMap adds the name people see and a disabled flag an admin sets instead of deleting, so the
/// history that names the account keeps meaning something.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    /// <summary>Creates an account for <paramref name="userName"/>; the password and roles are set through the user manager.</summary>
    /// <param name="userName">What the person types to sign in (also the actor name in history).</param>
    /// <param name="displayName">What the header shows; the user name when empty.</param>
    public Account(string userName, string? displayName = null)
        : base(userName)
    {
        Id = Guid.CreateVersion7();
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim();
    }

    // For EF Core.
    private Account()
    {
    }

    /// <summary>The name shown in the header and on the admin pages.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its cookies and bearer tokens stop working at once.</summary>
    public bool Disabled { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
