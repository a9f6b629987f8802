using Microsoft.AspNetCore.Authorization;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// Authorisation policies, named for the work they allow. Endpoints and pages name a policy, never a role, so who may
/// do what is decided here once. Admin may do everything.
/// </summary>
public static class AuthPolicies
{
    /// <summary>Searching with private results (time-bank members, banded): practitioners, brokers, admins.</summary>
    public const string Practitioner = "practitioner";

    /// <summary>Time-bank members and the ledger: brokers and admins.</summary>
    public const string Broker = "broker";

    /// <summary>Editing the directory, suggestions, freshness, evidence and uploads: editors and admins.</summary>
    public const string Editor = "editor";

    /// <summary>Accounts and the directory-wide audit: admins only.</summary>
    public const string Admin = "admin";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Practitioner, p => p.RequireRole(Roles.Practitioner, Roles.Broker, Roles.Admin));
        options.AddPolicy(Broker, p => p.RequireRole(Roles.Broker, Roles.Admin));
        options.AddPolicy(Editor, p => p.RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
    }
}
