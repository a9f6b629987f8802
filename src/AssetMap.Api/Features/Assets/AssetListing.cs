using AssetMap.Api.Infrastructure;

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
        var links = PageLinkBuilder.For(http, criteria.Page, totalPages, page.TotalCountIsLowerBound && page.Items.Count > 0);

        // Searches change when the directory does: cache briefly, anywhere.
        http.Response.Headers.CacheControl = "public, max-age=60";
        return http.Request.WantsGeoJson()
            ? TypedResults.Json(
                new GeoJsonFeatureCollection<AssetSummaryResponse>([.. items.Select(i => i.ToFeature())], page.TotalCount, links, page.TotalCountIsLowerBound),
                contentType: GeoJsonNegotiation.MediaType)
            : TypedResults.Ok(new AssetPageResponse(items, criteria.Page, criteria.PageSize, page.TotalCount, page.TotalCountIsLowerBound, totalPages, links));
    }
}
