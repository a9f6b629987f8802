namespace AssetMap.Domain.History;

/// <summary>
/// One change to one record, from any path (API, web form, import, accepted suggestion, boundary re-derivation,
/// time-bank ledger): who, when, from where, and each changed field's before and after. Entries are only ever added.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>Database-assigned, increasing: the order entries were written.</summary>
    public long Id { get; private set; }

    /// <summary>When the change was made.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>What kind of record changed: <c>asset</c>, <c>time_bank_member</c>, <c>time_bank_exchange</c>…</summary>
    public string EntityType { get; private set; } = "";

    /// <summary>The changed record's id.</summary>
    public Guid EntityId { get; private set; }

    /// <summary>What happened: <c>created</c>, <c>updated</c>, <c>archived</c>, <c>verified</c>, <c>recorded</c>, <c>reversed</c>…</summary>
    public string Action { get; private set; } = "";

    /// <summary>Who: the signed-in account's name, or the CLI's operator for a shell import.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>The path it came by.</summary>
    public AuditSource Source { get; private set; }

    /// <summary>Where exactly: the API client, the page, or the import file, sheet and row.</summary>
    public string? SourceDetail { get; private set; }

    /// <summary>Each changed field's value before and after (empty for an action with no field change, e.g. verified).</summary>
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    /// <summary>A new entry; <paramref name="changes"/> lists only fields whose value differs.</summary>
    public static AuditEntry Record(
        string entityType, Guid entityId, string action, string actor, AuditSource source, string? sourceDetail,
        IReadOnlyList<FieldChange> changes, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new AuditEntry
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Actor = actor,
            Source = source,
            SourceDetail = sourceDetail,
            Changes = changes,
            OccurredAt = occurredAt,
        };
    }
}

/// <summary>One field's value before and after a change, as text (null when absent).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>The path a change came by.</summary>
public enum AuditSource
{
    /// <summary>The REST or GraphQL API, with a bearer token.</summary>
    Api,

    /// <summary>A signed-in web form.</summary>
    Web,

    /// <summary>A spreadsheet import (CLI or upload).</summary>
    Import,

    /// <summary>A member of the public's suggestion, accepted by an editor.</summary>
    Suggestion,

    /// <summary>AssetMap itself, e.g. PCN areas re-derived after new boundaries.</summary>
    System,
}
