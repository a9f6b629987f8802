using Microsoft.AspNetCore.Identity;

namespace AssetMap.Domain.Accounts;

/// <summary>
/// The roles seeded by the migration (table <c>roles</c>), with fixed ids so the seed is stable. The API's
/// <c>Roles</c> class names the same four; these are the rows accounts point at.
/// </summary>
public static class AccountRoles
{
    /// <summary>Role names, in the order admin pages list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["practitioner", "broker", "editor", "admin"];

    /// <summary>The seeded role rows.</summary>
    public static IReadOnlyList<IdentityRole<Guid>> Seed { get; } =
    [
        Role("0195a3c0-0000-7000-8000-000000000001", "practitioner"),
        Role("0195a3c0-0000-7000-8000-000000000002", "broker"),
        Role("0195a3c0-0000-7000-8000-000000000003", "editor"),
        Role("0195a3c0-0000-7000-8000-000000000004", "admin"),
    ];

    /// <summary>True when <paramref name="name"/> is one of the four roles (case-insensitive).</summary>
    /// <param name="name">A role name.</param>
    public static bool IsKnown(string? name) => Names.Contains(name?.Trim().ToLowerInvariant());

    private static IdentityRole<Guid> Role(string id, string name) => new(name)
    {
        Id = Guid.Parse(id),
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
