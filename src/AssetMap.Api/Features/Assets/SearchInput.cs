namespace AssetMap.Api.Features.Assets;

/// <summary>
/// A search as a caller asked for it, before any check: REST query parameters, GraphQL arguments and the web form all
/// build one, and <see cref="AssetSearchValidator"/> turns it into <see cref="AssetSearchCriteria"/>.
/// </summary>
internal sealed record SearchInput
{
    public string? Postcode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public int? RadiusMetres { get; init; }

    public string? PcnCode { get; init; }

    public IReadOnlyList<string>? Kinds { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public string? Text { get; init; }

    public string? OpenOn { get; init; }

    public bool? Free { get; init; }

    public bool? Accessible { get; init; }

    public bool? AcceptsDirectPayments { get; init; }

    public DateOnly? VerifiedSince { get; init; }

    /// <summary>REST pages, from 1.</summary>
    public int? Page { get; init; }

    public int? PageSize { get; init; }

    /// <summary>Rows to skip when the caller pages by cursor (GraphQL <c>after</c>), not by page.</summary>
    public int? Offset { get; init; }
}

/// <summary>
/// What each caller calls the search's fields, so errors name the caller's own parameter or argument. An error is
/// keyed by the name up to its first dot (<c>near.latitude</c> is reported under <c>near</c>).
/// </summary>
internal sealed record SearchFieldNames(
    string Postcode, string Latitude, string Longitude, string Radius, string Pcn, string Kinds, string Categories,
    string Text, string OpenOn, string Page, string PageSize)
{
    public static SearchFieldNames Rest { get; } = new("postcode", "lat", "lon", "radius", "pcn", "kind", "category", "q", "openOn", "page", "pageSize");

    /// <summary>The Open Referral feed's names; kinds and categories both arrive as a taxonomy term.</summary>
    public static SearchFieldNames OpenReferral { get; } =
        new("postcode", "lat", "lon", "proximity", "pcn", "taxonomy_term_id", "taxonomy_term_id", "search", "day", "page", "per_page");

    public static SearchFieldNames GraphQL { get; } =
        new("postcode", "near.latitude", "near.longitude", "radiusMetres", "pcnCode", "kinds", "categories", "text", "openOn", "after", "first");

    /// <summary>The key an error on <paramref name="name"/> is reported under.</summary>
    public static string Key(string name) => name.Split('.')[0];
}
