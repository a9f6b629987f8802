using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Assets;

/// <summary>Reads one published asset by id or slug and serves it with an ETag (conditional GETs answer 304).</summary>
internal sealed partial class AssetDetails(AssetMapDbContext db, TimeProvider clock, IOptions<JsonOptions> json)
{
    public async Task<IResult> GetAsync(HttpContext http, string idOrSlug, AssetKind? kind, CancellationToken ct)
    {
        var published = db.Assets.AsNoTracking().Include(a => a.Categories)
            .Where(a => a.Status == AssetStatus.Published && (kind == null || a.Kind == kind));
        Asset? asset;
        if (Guid.TryParse(idOrSlug, out var id))
        {
            asset = await published.SingleOrDefaultAsync(a => a.Id == id, ct);
        }
        else if (idOrSlug.Length <= 100 && SlugShape().IsMatch(idOrSlug))
        {
            asset = await published.SingleOrDefaultAsync(a => a.Slug == idOrSlug, ct);
        }
        else
        {
            var errors = new ParameterErrors();
            errors.Add("idOrSlug", $"'{(idOrSlug.Length > 40 ? idOrSlug[..40] + "…" : idOrSlug)}' is neither an asset id (a UUID) nor a slug (lower-case letters, digits and hyphens).");
            return errors.ToProblem();
        }

        if (asset is null)
        {
            var what = kind is null ? "asset" : KindNames.Singular(kind.Value);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"No published {what} has id or slug '{idOrSlug}'.");
        }

        var venue = asset is SocialPrescribingActivity { VenueId: { } venueId }
            ? await db.Hubs.Where(h => h.Id == venueId && h.Status == AssetStatus.Published)
                .Select(h => new AssetLink(h.Id, h.Slug, h.Name, AssetMappings.DetailPath + h.Id)).SingleOrDefaultAsync(ct)
            : null;
        var body = JsonSerializer.SerializeToUtf8Bytes(asset.ToDetail(venue, UkTime.Now(clock)), json.Value.SerializerOptions);

        // The ETag is the body's hash: it changes with anything shown, categories and next sessions included.
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugShape();
}

internal static class KindNames
{
    public static string Singular(AssetKind kind) => kind switch
    {
        AssetKind.Hub => "hub",
        AssetKind.MicroEnterprise => "micro-enterprise",
        _ => "activity",
    };
}
