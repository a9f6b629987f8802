using System.Globalization;
using AssetMap.Api.Features.Assets;
using Microsoft.Extensions.Primitives;

namespace AssetMap.Api.Features.Directory;

/// <summary>
/// The search form of the web directory as the browser sends it (query string, so results can be linked, paged and
/// used without JavaScript). It only names fields: <see cref="AssetSearchValidator"/> checks them.
/// </summary>
internal sealed class WebSearchForm
{
    public const int MetresPerMile = 1609;

    /// <summary>Distances offered, in miles.</summary>
    public static IReadOnlyList<int> Miles { get; } = [1, 2, 5, 10, 20];

    public const int DefaultMiles = 5;

    /// <summary>The names of this form's fields, so the validator's messages name them.</summary>
    public static SearchFieldNames Names { get; } = new("where", "lat", "lon", "distance", "area", "kind", "need", "q", "day", "page", "pageSize");

    /// <summary>A postcode or a place name.</summary>
    public string? Where { get; set; }

    public string? Q { get; set; }

    public List<string> Need { get; set; } = [];

    public int? Distance { get; set; }

    public string? Day { get; set; }

    public string? Area { get; set; }

    public List<string> Kind { get; set; } = [];

    public bool Free { get; set; }

    public bool StepFree { get; set; }

    public bool DirectPayments { get; set; }

    /// <summary>From the query string only: Razor Pages' own route value "page" (the page's path) would win otherwise.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Where) && string.IsNullOrWhiteSpace(Q) && Need.Count == 0 && Day is null
        && Area is null && Kind.Count == 0 && !Free && !StepFree && !DirectPayments;

    /// <summary>The neutral input, with the place already resolved to a postcode, a point or an area.</summary>
    public SearchInput ToInput(PlaceMatch? place, int pageSize) => new()
    {
        Postcode = place?.Postcode,
        Latitude = place?.Centre?.Y,
        Longitude = place?.Centre?.X,
        RadiusMetres = place is { HasPoint: true } ? (Distance ?? DefaultMiles) * MetresPerMile : null,
        PcnCode = place?.AreaCode ?? Blank(Area),
        Kinds = Kind.Count > 0 ? Kind : null,
        Categories = Need.Where(n => !string.IsNullOrWhiteSpace(n)).ToList() is { Count: > 0 } needs ? needs : null,
        Text = Blank(Q),
        OpenOn = Blank(Day),
        Free = Free ? true : null,
        Accessible = StepFree ? true : null,
        AcceptsDirectPayments = DirectPayments ? true : null,
        Page = Page,
        PageSize = pageSize,
    };

    /// <summary>This search as a link, on another page. Built by hand: Razor Pages reserves the route value "page".</summary>
    public string Href(int? page = null)
    {
        var pairs = new List<KeyValuePair<string, StringValues>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(name, value));
            }
        }

        Add("where", Blank(Where));
        Add("q", Blank(Q));
        foreach (var need in Need.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            Add("need", need);
        }

        foreach (var kind in Kind)
        {
            Add("kind", kind);
        }

        Add("distance", Distance?.ToString(CultureInfo.InvariantCulture));
        Add("day", Blank(Day));
        Add("area", Blank(Area));
        Add("free", Free ? "true" : null);
        Add("stepFree", StepFree ? "true" : null);
        Add("directPayments", DirectPayments ? "true" : null);
        Add("page", page?.ToString(CultureInfo.InvariantCulture));
        return "/" + QueryString.Create(pairs);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
