using System.Security.Cryptography;
using System.Text.Json;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Assets;

/// <summary>Serves one published asset from the read model with an ETag (conditional GETs answer 304).</summary>
internal sealed class AssetDetails(AssetReader reader, TimeProvider clock, IOptions<JsonOptions> json, VerificationRules verification, EvidenceRules evidence)
{
    public async Task<IResult> GetAsync(HttpContext http, string idOrSlug, AssetKind? kind, CancellationToken ct)
    {
        if (!AssetKey.TryParse(idOrSlug, out var key))
        {
            var errors = new ParameterErrors();
            errors.Add("idOrSlug", $"'{(idOrSlug.Length > 40 ? idOrSlug[..40] + "…" : idOrSlug)}' is neither an asset id (a UUID) nor a slug (lower-case letters, digits and hyphens).");
            return errors.ToProblem();
        }

        var asset = await reader.FindAsync(key, kind, ct);
        if (asset is null)
        {
            var what = kind is null ? "asset" : KindNames.Singular(kind.Value);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"No published {what} has id or slug '{idOrSlug}'.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(asset.ToDetail(UkTime.Now(clock), verification, evidence), json.Value.SerializerOptions);

        // The version, then the body's hash: it changes with anything shown (categories, next sessions), and an editor
        // may send it back in If-Match (only the version is compared there).
        var etag = $"\"{asset.Version}-{Convert.ToHexStringLower(SHA256.HashData(body))[..24]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=60";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json");
    }
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
