using System.Globalization;
using System.Text;
using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.GraphQL.Types;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types.Relay.DataObjects;

namespace AssetMap.Api.GraphQL;

/// <summary>
/// Resolves a Relay connection of assets through the same checks (<see cref="AssetSearchValidator"/>), the same query
/// service (<see cref="AssetSearch"/>) and the same read records as REST, so both answer the same search with the same
/// ids in the same order and the same SQL.
/// </summary>
internal static class AssetConnections
{
    private const string CursorPrefix = "offset:";

    public static async Task<object?> ResolveAsync(IResolveConnectionContext ctx, AssetKind? kind, string? pcnCode)
    {
        var services = ctx.RequestServices!;
        var errors = new ParameterErrors();
        var offset = ctx.After is { } after ? Offset(after, errors) : 0;
        var near = ctx.GetArgument<GeoPoint?>("near");
        var input = new SearchInput
        {
            Postcode = ctx.GetArgument<string?>("postcode"),
            Latitude = near?.Latitude,
            Longitude = near?.Longitude,
            RadiusMetres = ctx.GetArgument<int?>("radiusMetres"),
            PcnCode = pcnCode is null ? ctx.GetArgument<string?>("pcnCode") : null,
            Kinds = kind is { } fixedKind ? [fixedKind.ToString()] : ctx.GetArgument<List<AssetKind>?>("kinds")?.Select(k => k.ToString()).ToList(),
            Categories = ctx.GetArgument<List<string>?>("categories"),
            Text = ctx.GetArgument<string?>("text"),
            OpenOn = ctx.GetArgument<string?>("openOn"),
            Free = ctx.GetArgument<bool?>("free"),
            Accessible = ctx.GetArgument<bool?>("accessible"),
            AcceptsDirectPayments = ctx.GetArgument<bool?>("acceptsDirectPayments"),
            VerifiedSince = ctx.GetArgument<DateOnly?>("verifiedSince"),
            PageSize = ctx.First ?? AssetSearchCriteria.DefaultPageSize,
            Offset = offset,
        };

        var (criteria, checkErrors) = await services.GetRequiredService<AssetSearchValidator>().CheckAsync(input, SearchFieldNames.GraphQL, ctx.CancellationToken);
        if (criteria is null || errors.Any)
        {
            throw BadUserInput(errors.Any ? errors : checkErrors);
        }

        if (pcnCode is not null)
        {
            criteria = criteria with { PcnCode = pcnCode };
        }

        var page = await services.GetRequiredService<AssetSearch>().SearchAsync(criteria, ctx.CancellationToken);
        var edges = page.Items.Select((hit, i) => new Edge<AssetHit> { Cursor = Cursor(offset + i), Node = hit }).ToList();
        return new CappedConnection<AssetHit>
        {
            TotalCount = page.TotalCount,
            TotalCountIsLowerBound = page.TotalCountIsLowerBound,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = offset + edges.Count < page.TotalCount || (page.TotalCountIsLowerBound && edges.Count > 0),
                HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    /// <summary>One error listing every bad argument, code BAD_USER_INPUT, arguments named under extensions.data.</summary>
    public static ExecutionError BadUserInput(ParameterErrors errors)
    {
        var error = new ExecutionError(errors.Summary) { Code = "BAD_USER_INPUT" };
        error.Data["arguments"] = errors.Errors;
        return error;
    }

    private static string Cursor(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + index.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string cursor, ParameterErrors errors)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text[CursorPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < AssetSearchCriteria.MaxOffset)
            {
                return index + 1;
            }
        }
        catch (FormatException)
        {
        }

        errors.Add("after", "after is not a cursor this API gave out.");
        return 0;
    }
}
