namespace AssetMap.Domain.Assets;

/// <summary>Where a record is in its life: only published records are public.</summary>
public enum AssetStatus
{
    /// <summary>Being prepared; not public.</summary>
    Draft,

    /// <summary>Public.</summary>
    Published,

    /// <summary>No longer current; kept for the audit trail, never deleted.</summary>
    Archived,
}
