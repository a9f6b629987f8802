using AssetMap.Domain.Assets;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>A checked search: every value known good. REST and GraphQL both build one and run it through <see cref="AssetSearch"/>.</summary>
internal sealed record AssetSearchCriteria
{
    public const int DefaultRadiusMetres = 2_000;
    public const int MaxRadiusMetres = 50_000;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;
    public const int MaxOffset = 1_000_000;

    public Point? Near { get; init; }

    public double RadiusMetres { get; init; } = DefaultRadiusMetres;

    public string? PcnCode { get; init; }

    public IReadOnlyList<AssetKind> Kinds { get; init; } = [];

    /// <summary>Categories to match, parents already expanded to include their children.</summary>
    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];

    public string? Text { get; init; }

    public OpenOn? OpenOn { get; init; }

    public bool FreeOnly { get; init; }

    public bool AccessibleOnly { get; init; }

    public bool DirectPaymentsOnly { get; init; }

    public DateOnly? VerifiedSince { get; init; }

    /// <summary>Only records changed after this instant (the Open Referral feed's <c>modified_after</c>).</summary>
    public DateTimeOffset? ModifiedAfter { get; init; }

    /// <summary>Only services of this provider, by name, any case: an activity's provider, otherwise the asset itself.</summary>
    public string? Provider { get; init; }

    /// <summary>Only assets with at least one category.</summary>
    public bool CategorisedOnly { get; init; }

    /// <summary>With or without <see cref="OpenOn"/>: open (hubs) or in session (activities) at some time in this span.</summary>
    public OpenBetween? OpenBetween { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Rows to skip; GraphQL cursors are offsets, REST pages are <c>(Page - 1) * PageSize</c>.</summary>
    public int Offset => ExplicitOffset ?? ((Page - 1) * PageSize);

    /// <summary>An offset that need not fall on a page boundary (GraphQL <c>after</c>).</summary>
    public int? ExplicitOffset { get; init; }
}

/// <summary>A weekday, or a date (which also fixes the weekday).</summary>
internal sealed record OpenOn(DayOfWeek Day, DateOnly? Date);

/// <summary>A span of local time of day; a span that merely touches an opening does not overlap it.</summary>
internal sealed record OpenBetween(TimeOnly From, TimeOnly To)
{
    public bool Overlaps(TimeOnly opens, TimeOnly closes) => opens < To && closes > From;
}
