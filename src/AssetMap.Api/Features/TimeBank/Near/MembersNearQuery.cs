namespace AssetMap.Api.Features.TimeBank.Near;

/// <summary>What a practitioner asks: where the person is (a postcode, or a point), what would help, which page.</summary>
internal sealed record MembersNearQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxOffset = 1_000;

    public string? Postcode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>A category slug; a top-level category matches its subcategories.</summary>
    public string? Skill { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }

    /// <summary>GraphQL's cursor offset, instead of <see cref="Page"/>.</summary>
    public int? Offset { get; init; }
}

/// <summary>The names each surface gives the query's fields, so errors name the caller's own field.</summary>
internal sealed record MembersNearFieldNames(string Postcode, string Latitude, string Longitude, string Skill, string Page, string PageSize)
{
    public static MembersNearFieldNames Rest { get; } = new("postcode", "lat", "lon", "skill", "page", "pageSize");

    public static MembersNearFieldNames Web { get; } = new("postcode", "lat", "lon", "skill", "page", "pageSize");

    public static MembersNearFieldNames GraphQL { get; } = new("postcode", "near.latitude", "near.longitude", "skill", "after", "first");
}
