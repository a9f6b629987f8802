using AssetMap.Api.GraphQL.Types;
using GraphQL.Builders;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL;

/// <summary>The search arguments: the fields of <see cref="Features.Assets.SearchInput"/> under GraphQL names.</summary>
internal static class SearchArguments
{
    public static ConnectionBuilder<TSource> AddSearch<TSource>(ConnectionBuilder<TSource> builder, bool includeKinds, bool includePcn)
    {
        builder
            .Argument<PointInputType>("near", "Search near this point (not with postcode).")
            .Argument<StringGraphType>("postcode", "Search near this postcode, any case or spacing (not with near).")
            .Argument<IntGraphType>("radiusMetres", "Radius around the point in metres: 1..50000, default 2000.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("categories", "Category slugs; a parent includes its children.")
            .Argument<StringGraphType>("text", "Free text (at most 200 characters): English stemming, typo-tolerant on names.")
            .Argument<StringGraphType>("openOn", "A weekday (tuesday, tue) or a date (yyyy-mm-dd): hubs open then, activities with a session then.")
            .Argument<BooleanGraphType>("free", "Only assets known to cost nothing.")
            .Argument<BooleanGraphType>("accessible", "Only assets with step-free access.")
            .Argument<BooleanGraphType>("acceptsDirectPayments", "Only micro-enterprises that accept direct payments.")
            .Argument<DateOnlyGraphType>("verifiedSince", "Only records verified on or after this date.");
        if (includeKinds)
        {
            builder.Argument<ListGraphType<NonNullGraphType<AssetKindType>>>("kinds", "Only these kinds.");
        }

        if (includePcn)
        {
            builder.Argument<StringGraphType>("pcnCode", "Only assets inside this PCN area (e.g. U81042).");
        }

        return builder.PageSize(AssetMap.Api.Features.Assets.AssetSearchCriteria.DefaultPageSize);
    }
}
