namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>The four roles people hold (DESIGN.md's users). Role names are what tokens and the database carry.</summary>
public static class Roles
{
    /// <summary>Social workers, Local Area Coordinators and link workers: search near a person, see time-bank members banded.</summary>
    public const string Practitioner = "practitioner";

    /// <summary>Time-bank brokers: members and the ledger.</summary>
    public const string Broker = "broker";

    /// <summary>CVS data officers: edit entries, review suggestions, upload spreadsheets.</summary>
    public const string Editor = "editor";

    /// <summary>Accounts, the directory-wide audit, and everything the other roles can do.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, in the order the role matrix lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Practitioner, Broker, Editor, Admin];
}
