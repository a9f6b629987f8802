using System.Security.Cryptography;
using System.Text;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// Ids for the feed's objects that AssetMap does not store. A service's id is its asset's UUID v7; everything else is a
/// name-based UUID (RFC 9562 version 5, SHA-1) of a fixed AssetMap namespace and a role path such as
/// <c>location/{asset id}</c>, <c>organization/{provider name, lower case}</c> or <c>taxonomy_term/{category slug}</c>.
/// The same data therefore gives the same ids across restarts, re-imports and machines, with nothing to store. A
/// service_at_location's id is its service's id (each service is at one location).
/// </summary>
public static class OrukIds
{
    /// <summary>The namespace UUID of AssetMap's feed ids (random once, fixed forever).</summary>
    public static readonly Guid Namespace = new("5b0d6c3e-8f7a-4f0e-9d2b-6a1c3e4f5a60");

    public static Guid Taxonomy { get; } = Of("taxonomy/assetmap-categories");

    public static Guid TaxonomyTerm(string categorySlug) => Of($"taxonomy_term/{categorySlug}");

    public static Guid Attribute(Guid serviceId, string categorySlug) => Of($"attribute/{serviceId}/{categorySlug}");

    /// <summary>Organizations are keyed by name: activities with the same provider share one.</summary>
    public static Guid Organization(string name) => Of($"organization/{name.Trim().ToLowerInvariant()}");

    /// <summary>A location per asset: an activity held at a hub uses the hub's location.</summary>
    public static Guid Location(Guid assetId) => Of($"location/{assetId}");

    public static Guid Address(Guid assetId) => Of($"address/{assetId}");

    public static Guid Accessibility(Guid assetId) => Of($"accessibility/{assetId}");

    public static Guid ServiceArea(Guid serviceId) => Of($"service_area/{serviceId}");

    public static Guid Schedule(Guid serviceId, int index) => Of($"schedule/{serviceId}/{index}");

    public static Guid CostOption(Guid serviceId) => Of($"cost_option/{serviceId}");

    public static Guid Contact(Guid serviceId) => Of($"contact/{serviceId}");

    public static Guid Phone(Guid serviceId) => Of($"phone/{serviceId}");

    /// <summary>RFC 9562 §5.5: SHA-1 of namespace bytes (network order) and the name, version and variant bits set.</summary>
    public static Guid Of(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 ids; no security rests on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
