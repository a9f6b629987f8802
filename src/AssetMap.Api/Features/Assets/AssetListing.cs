using System.Globalization;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace AssetMap.Api.Features.Assets;

/// <summary>Runs a list request for any asset list endpoint: check, search, shape as JSON or GeoJSON, link pages.</summary>
internal sealed class AssetListing(AssetSearchValidator validator, AssetSearch search, ReadModel.VerificationRules verification)
{
    public async Task<IResult> ListAsync(
        HttpContext http, AssetSearchParameters parameters, IReadOnlyList<string>? kinds, string? pcnRestriction, CancellationToken ct)
    {
        var (criteria, errors) = await validator.CheckAsync(parameters.ToInput(kinds), SearchFieldNames.Rest, ct);
        if (criteria is null)
        {
            return errors.ToProblem();
        }

        if (pcnRestriction is not null)
        {
            criteria = criteria with { PcnCode = pcnRestriction };
        }

        var page = await search.SearchAsync(criteria, ct);
        var items = page.Items.Select(h => h.ToSummary(verification)).ToList();
        var totalPages = (page.TotalCount + criteria.PageSize - 1) / criteria.PageSize;
        var links = new PageLinks(
            PageUrl(http, criteria.Page),
            criteria.Page < totalPages || (page.TotalCountIsLowerBound && page.Items.Count > 0) ? PageUrl(http, criteria.Page + 1) : null,
            criteria.Page > 1 ? PageUrl(http, Math.Min(criteria.Page - 1, Math.Max(totalPages, 1))) : null);

        // Searches change when the directory does: cache briefly, anywhere.
        http.Response.Headers.CacheControl = "public, max-age=60";
        return http.Request.WantsGeoJson()
            ? TypedResults.Json(
                new GeoJsonFeatureCollection<AssetSummaryResponse>([.. items.Select(i => i.ToFeature())], page.TotalCount, links, page.TotalCountIsLowerBound),
                contentType: GeoJsonNegotiation.MediaType)
            : TypedResults.Ok(new AssetPageResponse(items, criteria.Page, criteria.PageSize, page.TotalCount, page.TotalCountIsLowerBound, totalPages, links));
    }

    private static string PageUrl(HttpContext http, int page)
    {
        var request = http.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{GeoJsonNegotiation.OriginalPath(http)}{QueryString.Create(query)}";
    }
}
