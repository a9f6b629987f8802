using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// The directory as an Open Referral UK 3.0 feed under <c>/openreferral/v3</c>: public, read-only, any origin. Every
/// object is shaped from the read model by <see cref="OrukMapper"/>; time-bank members are not assets, so never here.
/// </summary>
internal static class OpenReferralEndpoints
{
    public const string Prefix = "/openreferral/v3";

    public static IEndpointRouteBuilder MapOpenReferralEndpoints(this IEndpointRouteBuilder routes)
    {
        var feed = routes.MapGroup(Prefix).WithTags("Open Referral UK 3.0").WithGroupName(OpenReferralSetup.DocumentName)
            .RequireCors(CorsSetup.PublicReads);
        feed.MapGet("/", GetApiDetails).WithName(nameof(GetApiDetails)).WithSummary("Which standard the feed follows").Produces<OrukApiDetails>();
        feed.MapGet("/services", ListServices).WithName(nameof(ListServices)).WithSummary("Search services")
            .Produces<OrukPage<OrukService>>().ProducesProblem(400).ProducesProblem(404);
        feed.MapGet("/services/{id}", GetService).WithName(nameof(GetService)).WithSummary("Read one service, in full")
            .Produces<OrukService>().ProducesProblem(404);
        feed.MapGet("/service_at_locations", ListServiceAtLocations).WithName(nameof(ListServiceAtLocations))
            .WithSummary("Search services at their locations, nearest a postcode first")
            .Produces<OrukPage<OrukServiceAtLocation>>().ProducesProblem(400).ProducesProblem(404);
        feed.MapGet("/service_at_locations/{id}", GetServiceAtLocation).WithName(nameof(GetServiceAtLocation))
            .WithSummary("Read one service at a location").Produces<OrukServiceAtLocation>().ProducesProblem(404);
        feed.MapGet("/organizations", ListOrganizations).WithName(nameof(ListOrganizations)).WithSummary("List organizations")
            .Produces<OrukPage<OrukOrganization>>().ProducesProblem(400);
        feed.MapGet("/organizations/{id}", GetOrganization).WithName(nameof(GetOrganization))
            .WithSummary("Read one organization with its services").Produces<OrukOrganization>().ProducesProblem(404);
        feed.MapGet("/taxonomies", ListTaxonomies).WithName(nameof(ListTaxonomies)).WithSummary("List taxonomies")
            .Produces<OrukPage<OrukTaxonomy>>().ProducesProblem(400);
        feed.MapGet("/taxonomies/{id}", GetTaxonomy).WithName(nameof(GetTaxonomy)).WithSummary("Read one taxonomy")
            .Produces<OrukTaxonomy>().ProducesProblem(404);
        feed.MapGet("/taxonomy_terms", ListTaxonomyTerms).WithName(nameof(ListTaxonomyTerms)).WithSummary("List taxonomy terms")
            .Produces<OrukPage<OrukTaxonomyTerm>>().ProducesProblem(400);
        feed.MapGet("/taxonomy_terms/{id}", GetTaxonomyTerm).WithName(nameof(GetTaxonomyTerm)).WithSummary("Read one taxonomy term")
            .Produces<OrukTaxonomyTerm>().ProducesProblem(404);
        return routes;
    }

    private static JsonHttpResult<OrukApiDetails> GetApiDetails(HttpContext http)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return Json(new OrukApiDetails("HSDS-UK-3.0", OpenReferralSetup.ProfileUrl, origin + OpenReferralSetup.DocumentPath));
    }

    private static async Task<IResult> ListServices(
        [AsParameters] OrukParameters parameters, OrukSearch search, CancellationToken ct)
    {
        var (page, criteria, errors) = await search.RunAsync(parameters, null, ct);
        return page is null ? errors.ToProblem() : Json(OrukSearch.Page(page, criteria!, v => OrukMapper.Service(v)));
    }

    private static async Task<IResult> GetService(string id, AssetReader reader, CancellationToken ct) =>
        await FindAsync(id, reader, ct) is { } view ? Json(OrukMapper.Service(view)) : NotFound("service", id);

    private static async Task<IResult> ListServiceAtLocations(
        [AsParameters] OrukParameters parameters, [AsParameters] OrukPlaceParameters place, OrukSearch search, CancellationToken ct)
    {
        var (page, criteria, errors) = await search.RunAsync(parameters, place, ct);
        return page is null
            ? errors.ToProblem()
            : Json(OrukSearch.Page(page, criteria!, v => OrukMapper.ServiceAtLocation(v, OrukMapper.Service(v, withLinks: false))));
    }

    // A service_at_location's id is its service's id: each service is at exactly one location.
    private static async Task<IResult> GetServiceAtLocation(string id, AssetReader reader, CancellationToken ct) =>
        await FindAsync(id, reader, ct) is { } view
            ? Json(OrukMapper.ServiceAtLocation(view, OrukMapper.Service(view, withLinks: false)))
            : NotFound("service_at_location", id);

    private static async Task<IResult> ListOrganizations(
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "per_page")] int? perPage, AssetReader reader, CancellationToken ct)
    {
        var organizations = (await reader.AllAsync(ct)).GroupBy(OrukMapper.OrganizationName, StringComparer.OrdinalIgnoreCase)
            .Select(Organization).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        return Paged(organizations, page, perPage);
    }

    private static async Task<IResult> GetOrganization(string id, AssetReader reader, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var organizationId))
        {
            return NotFound("organization", id);
        }

        var services = (await reader.AllAsync(ct)).Where(v => OrukIds.Organization(OrukMapper.OrganizationName(v)) == organizationId).ToList();
        return services.Count == 0
            ? NotFound("organization", id)
            : Json(Organization(services) with { Services = [.. services.Select(v => OrukMapper.Service(v, withLinks: false))] });
    }

    private static async Task<IResult> ListTaxonomies(
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "per_page")] int? perPage, AssetMapDbContext db, CancellationToken ct) =>
        Paged(await TaxonomiesAsync(db, ct), page, perPage);

    private static async Task<IResult> GetTaxonomy(string id, AssetMapDbContext db, CancellationToken ct) =>
        (await TaxonomiesAsync(db, ct)).FirstOrDefault(t => Guid.TryParse(id, out var wanted) && t.Id == wanted) is { } taxonomy
            ? Json(taxonomy)
            : NotFound("taxonomy", id);

    private static async Task<IResult> ListTaxonomyTerms(
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "per_page")] int? perPage, AssetMapDbContext db, CancellationToken ct) =>
        Paged(await TermsAsync(db, ct), page, perPage);

    private static async Task<IResult> GetTaxonomyTerm(string id, AssetMapDbContext db, CancellationToken ct) =>
        (await TermsAsync(db, ct)).FirstOrDefault(t => Guid.TryParse(id, out var wanted) && t.Id == wanted) is { } term
            ? Json(term)
            : NotFound("taxonomy_term", id);

    private static Task<AssetView?> FindAsync(string id, AssetReader reader, CancellationToken ct) =>
        Guid.TryParse(id, out var assetId) ? reader.FindAsync(new AssetKey(assetId, null), null, ct) : Task.FromResult<AssetView?>(null);

    // Organizations are derived, not stored: read every published entry once (AssetReader.AllAsync, one SQL command)
    // and group by provider.
    // An organization that is itself a hub or business describes itself; a provider of activities only is described generically.
    private static OrukOrganization Organization(IEnumerable<AssetView> services)
    {
        var list = services.ToList();
        return OrukMapper.Organization(list.FirstOrDefault(v => v.Kind != AssetKind.Activity) ?? list[0]);
    }

    private static async Task<List<OrukTaxonomyTerm>> TermsAsync(AssetMapDbContext db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Slug, c.Name, c.ParentId }).ToListAsync(ct);
        var slugs = categories.ToDictionary(c => c.Id, c => c.Slug);
        return [.. categories.OrderBy(c => c.Slug, StringComparer.Ordinal)
            .Select(c => OrukTerms.Term(c.Slug, c.Name, c.ParentId is { } parent ? slugs[parent] : null))
            .Concat(OrukTerms.KindSlugs.Keys.Select(OrukTerms.KindTerm))];
    }

    private static async Task<List<OrukTaxonomy>> TaxonomiesAsync(AssetMapDbContext db, CancellationToken ct)
    {
        var terms = await TermsAsync(db, ct);
        return
        [
            OrukTerms.CategoriesHeader with { TaxonomyTerms = [.. terms.Where(t => t.TaxonomyId == OrukIds.Taxonomy)] },
            OrukTerms.KindsHeader with { TaxonomyTerms = [.. terms.Where(t => t.TaxonomyId == OrukTerms.KindsId)] },
        ];
    }

    private static IResult Paged<T>(IReadOnlyList<T> all, int? page, int? perPage)
    {
        var errors = new ParameterErrors();
        if (page is < 1)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (perPage is < 1 or > 100)
        {
            errors.Add("per_page", "per_page must be between 1 and 100.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (number, size) = (page ?? 1, perPage ?? OrukSearch.DefaultPerPage);
        var pages = (int)Math.Ceiling(all.Count / (double)size);
        var contents = all.Skip((int)Math.Min(int.MaxValue, (long)(number - 1) * size)).Take(size).ToList();
        return Json(new OrukPage<T>(all.Count, pages, number, contents.Count, number == 1, number >= pages, contents.Count == 0, contents));
    }

    private static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No {what} has id '{(id.Length <= 40 ? id : id[..40] + "…")}'.");

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, OpenReferralSetup.Json);
}
