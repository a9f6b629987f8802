namespace AssetMap.Domain.Assets;

/// <summary>The public kinds of asset. Time-bank members are private people and deliberately not an asset kind.</summary>
public enum AssetKind
{
    /// <summary>A venue run with or by the community.</summary>
    Hub,

    /// <summary>A very small local business offering care or support.</summary>
    MicroEnterprise,

    /// <summary>A non-clinical activity people can be referred to.</summary>
    Activity,
}
