using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Pages.Directory;

/// <summary>One entry of the directory, from its <see cref="AssetView"/>; answers 304 when the browser's copy is current.</summary>
internal sealed class EntryModel(AssetReader reader, TimeProvider clock, IOptions<DirectoryOptions> options, IAuthorizationService authorization) : PageModel
{
    public const int Sessions = 5;

    public AssetView View { get; private set; } = null!;

    /// <summary>Other activities at this hub, or at this activity's venue.</summary>
    public IReadOnlyList<AssetView> AlsoHere { get; private set; } = [];

    public DateTime NowLocal { get; private set; }

    public DirectoryOptions Options => options.Value;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!AssetKey.TryParse(key, out var assetKey) || await reader.FindAsync(assetKey, null, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        NowLocal = UkTime.Now(clock);
        CanEdit = (await authorization.AuthorizeAsync(User, AuthPolicies.Editor)).Succeeded;
        if ((view.Hub is not null ? view.Id : view.Activity?.Venue?.Id) is { } venue)
        {
            AlsoHere = [.. (await reader.ActivitiesAtAsync(venue, ct)).Where(a => a.Id != view.Id)];
        }

        // The page is a function of the record, what else meets there and today's date (next sessions, expiry flags).
        var tag = new EntityTagHeaderValue($"\"{Fingerprint()}\"");
        Response.GetTypedHeaders().ETag = tag;
        Response.Headers.CacheControl = "no-cache";
        var sent = Request.GetTypedHeaders().IfNoneMatch;
        return sent.Any(t => t.Compare(tag, useStrongComparison: false)) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    public string ReportChangeHref() => $"/directory/{View.Slug}/report";

    /// <summary>Editors see an Edit link (the page's fingerprint includes this, so a cached copy never shows it to others).</summary>
    public bool CanEdit { get; private set; }

    private string Fingerprint()
    {
        var text = new StringBuilder()
            .Append(JsonSerializer.Serialize(View, FingerprintJson))
            .Append(string.Join(",", AlsoHere.Select(a => $"{a.Id}:{a.Slug}:{a.Name}")))
            .Append(DateOnly.FromDateTime(NowLocal).DayNumber)
            .Append(NowLocal.Hour) // next sessions move on through the day
            .Append(CanEdit)
            .Append(typeof(EntryModel).Assembly.ManifestModule.ModuleVersionId); // a new build may render differently
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    // Points (the entry's and its venue's) as WKT: serialised as objects, NTS geometries have infinite envelopes.
    private static readonly JsonSerializerOptions FingerprintJson = new() { Converters = { new PointAsText() } };

    private sealed class PointAsText : JsonConverter<Point>
    {
        public override Point Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Fingerprints are only written.");

        public override void Write(Utf8JsonWriter writer, Point value, JsonSerializerOptions options) => writer.WriteStringValue(value.AsText());
    }
}
