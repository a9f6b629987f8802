using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// Two taxonomies: our managed category tree (terms keyed by slug, children pointing at their parent) and the three
/// kinds of asset, so a reader can tell a hub from a business from an activity without AssetMap-specific fields.
/// </summary>
internal static class OrukTerms
{
    public static readonly Guid KindsId = OrukIds.Of("taxonomy/assetmap-kinds");

    public static readonly IReadOnlyDictionary<AssetKind, string> KindSlugs = new Dictionary<AssetKind, string>
    {
        [AssetKind.Hub] = "hub",
        [AssetKind.MicroEnterprise] = "micro-enterprise",
        [AssetKind.Activity] = "activity",
    };

    private static readonly Dictionary<AssetKind, (string Name, string Description)> KindTexts = new()
    {
        [AssetKind.Hub] = ("Community hub", "A venue run with or by the community."),
        [AssetKind.MicroEnterprise] = ("Micro-enterprise", "A very small local business offering care or support."),
        [AssetKind.Activity] = ("Social-prescribing activity", "A non-clinical activity people can be referred to."),
    };

    public static OrukTaxonomyTerm Term(string slug, string name, string? parentSlug) => new()
    {
        Id = OrukIds.TaxonomyTerm(slug),
        Name = name,
        Description = name,
        ParentId = parentSlug is null ? null : OrukIds.TaxonomyTerm(parentSlug),
        Taxonomy = OrukMapper.CategoriesTaxonomyName,
        TaxonomyId = OrukIds.Taxonomy,
        Term = slug,
    };

    public static OrukTaxonomyTerm KindTerm(AssetKind kind) => new()
    {
        Id = OrukIds.Of($"taxonomy_term/kind/{KindSlugs[kind]}"),
        Name = KindTexts[kind].Name,
        Description = KindTexts[kind].Description,
        Taxonomy = OrukMapper.KindsTaxonomyName,
        TaxonomyId = KindsId,
        Term = KindSlugs[kind],
    };

    public static OrukTaxonomy CategoriesHeader => new()
    {
        Id = OrukIds.Taxonomy,
        Name = OrukMapper.CategoriesTaxonomyName,
        Description = "The managed category tree of the AssetMap directory (two levels).",
        Version = "1",
    };

    public static OrukTaxonomy KindsHeader => new()
    {
        Id = KindsId,
        Name = OrukMapper.KindsTaxonomyName,
        Description = "Which kind of AssetMap entry a service is: community hub, micro-enterprise or social-prescribing activity.",
        Version = "1",
    };
}
