using System.Globalization;
using System.Text;
using AssetMap.Api.Features.Assets;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.GraphQL;

/// <summary>
/// Resolves a Relay connection of assets through the same checks (<see cref="AssetSearchRequest"/>) and the same query
/// service (<see cref="AssetSearch"/>) as REST, so both answer the same search with the same ids in the same order.
/// </summary>
internal static class AssetConnections
{
    private const string CursorPrefix = "offset:";

    public static async Task<object?> ResolveAsync(IResolveConnectionContext ctx, AssetKind? kind, string? pcnCode)
    {
        var services = ctx.RequestServices!;
        var errors = new ParameterErrors();
        var first = ctx.First ?? AssetSearchCriteria.DefaultPageSize;
        var offset = ctx.After is { } after ? Offset(after, errors) : 0;
        var near = ctx.GetArgument<GeoPoint?>("near");
        var parameters = new AssetSearchParameters
        {
            Postcode = ctx.GetArgument<string?>("postcode"),
            Lat = near?.Latitude,
            Lon = near?.Longitude,
            Radius = ctx.GetArgument<int?>("radiusMetres"),
            Pcn = pcnCode is null ? ctx.GetArgument<string?>("pcnCode") : null,
            Category = ctx.GetArgument<List<string>?>("categories")?.ToArray(),
            Q = ctx.GetArgument<string?>("text"),
            OpenOn = ctx.GetArgument<string?>("openOn"),
            Free = ctx.GetArgument<bool?>("free"),
            Accessible = ctx.GetArgument<bool?>("accessible"),
            AcceptsDirectPayments = ctx.GetArgument<bool?>("acceptsDirectPayments"),
            VerifiedSince = ctx.GetArgument<DateOnly?>("verifiedSince"),
            PageSize = first,
        };
        var kinds = kind is { } fixedKind ? [fixedKind.ToString()] : ctx.GetArgument<List<AssetKind>?>("kinds")?.Select(k => k.ToString()).ToList();

        var (criteria, checkErrors) = await services.GetRequiredService<AssetSearchRequest>().CheckAsync(parameters, kinds, ctx.CancellationToken);
        foreach (var (parameter, messages) in checkErrors.Errors)
        {
            foreach (var message in messages)
            {
                errors.Add(parameter, message);
            }
        }

        if (criteria is null || errors.Any)
        {
            throw BadUserInput(errors);
        }

        criteria = criteria with { ExplicitOffset = offset, PcnCode = pcnCode ?? criteria.PcnCode };
        var page = await services.GetRequiredService<AssetSearch>().SearchAsync(criteria, ctx.CancellationToken);
        var ids = page.Items.Select(h => h.Id).ToList();
        var entities = await services.GetRequiredService<AssetMapDbContext>().Assets.AsNoTracking()
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ctx.CancellationToken);
        var edges = page.Items.Select((hit, i) => new Edge<AssetNode>
        {
            Cursor = Cursor(offset + i),
            Node = new AssetNode(entities[hit.Id], hit.DistanceMetres),
        }).ToList();
        return new Connection<AssetNode>
        {
            TotalCount = page.TotalCount,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = offset + edges.Count < page.TotalCount,
                HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    /// <summary>One error listing every bad argument, code BAD_USER_INPUT, arguments named under extensions.data.</summary>
    public static ExecutionError BadUserInput(ParameterErrors errors)
    {
        var byArgument = errors.Errors.GroupBy(e => SearchArguments.FromRest.GetValueOrDefault(e.Key, e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
        var error = new ExecutionError(string.Join(" ", byArgument.SelectMany(a => a.Value))) { Code = "BAD_USER_INPUT" };
        error.Data["arguments"] = byArgument;
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
