using Microsoft.AspNetCore.Mvc;

namespace AssetMap.Api.Features.Assets;

/// <summary>The query parameters every asset list endpoint takes.</summary>
internal sealed record AssetSearchParameters
{
    /// <summary>The person's postcode, any case or spacing (e.g. <c>rm17 6sl</c>). Give this or lat/lon, not both.</summary>
    /// <example>RM16 2JT</example>
    [FromQuery(Name = "postcode")]
    public string? Postcode { get; init; }

    /// <summary>Latitude of the search point, -90..90 (with lon).</summary>
    /// <example>51.4782</example>
    [FromQuery(Name = "lat")]
    public double? Lat { get; init; }

    /// <summary>Longitude of the search point, -180..180 (with lat).</summary>
    /// <example>0.3245</example>
    [FromQuery(Name = "lon")]
    public double? Lon { get; init; }

    /// <summary>Search radius in metres around the point: 1..50000, default 2000.</summary>
    /// <example>2000</example>
    [FromQuery(Name = "radius")]
    public int? Radius { get; init; }

    /// <summary>PCN area code (e.g. <c>U81042</c>): only assets inside that area.</summary>
    [FromQuery(Name = "pcn")]
    public string? Pcn { get; init; }

    /// <summary>Category slug, repeatable; a parent category includes its children (see /api/v1/categories), e.g. <c>food-and-meals</c>.</summary>
    [FromQuery(Name = "category")]
    public string[]? Category { get; init; }

    /// <summary>Free text (at most 200 characters): English stemming, typo-tolerant on names.</summary>
    /// <example>lunch club</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>A weekday (<c>tuesday</c>, <c>tue</c>) or a date (<c>2026-12-01</c>): hubs open then and activities with a session then.</summary>
    /// <example>tuesday</example>
    [FromQuery(Name = "openOn")]
    public string? OpenOn { get; init; }

    /// <summary>Only assets known to cost nothing (micro-enterprises priced at £0, free activities).</summary>
    [FromQuery(Name = "free")]
    public bool? Free { get; init; }

    /// <summary>Only assets with step-free (wheelchair) access.</summary>
    [FromQuery(Name = "accessible")]
    public bool? Accessible { get; init; }

    /// <summary>Only micro-enterprises that accept direct payments / personal budgets.</summary>
    [FromQuery(Name = "acceptsDirectPayments")]
    public bool? AcceptsDirectPayments { get; init; }

    /// <summary>Only records verified on or after this date (yyyy-mm-dd).</summary>
    /// <example>2026-01-01</example>
    [FromQuery(Name = "verifiedSince")]
    public DateOnly? VerifiedSince { get; init; }

    /// <summary>Page number, from 1.</summary>
    /// <example>1</example>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Results per page: 1..100, default 20.</summary>
    /// <example>20</example>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    /// <summary>The neutral search input, with the kinds an endpoint fixes or the caller chose.</summary>
    public SearchInput ToInput(IReadOnlyList<string>? kinds) => new()
    {
        Postcode = Postcode,
        Latitude = Lat,
        Longitude = Lon,
        RadiusMetres = Radius,
        PcnCode = Pcn,
        Kinds = kinds,
        Categories = Category,
        Text = Q,
        OpenOn = OpenOn,
        Free = Free,
        Accessible = Accessible,
        AcceptsDirectPayments = AcceptsDirectPayments,
        VerifiedSince = VerifiedSince,
        Page = Page,
        PageSize = PageSize,
    };
}
