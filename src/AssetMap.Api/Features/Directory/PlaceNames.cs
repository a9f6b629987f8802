using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Directory;

/// <summary>Where a person said they are: a postcode (looked up by the search itself), a town's centre or a PCN area.</summary>
internal sealed record PlaceMatch(string? Postcode, Point? Centre, string? AreaCode, string Description)
{
    public bool HasPoint => Postcode is not null || Centre is not null;
}

/// <summary>
/// Turns "postcode or place name" into something the search understands. Anything shaped like a postcode is a postcode
/// (the search's own lookup reports it when unknown). Otherwise the text is a place name: first a town named in the
/// published entries' addresses (its centre is the mean of those entries' public points), then a PCN area whose name
/// or locality contains it (the search is then within that area, with its boundary on the map).
/// </summary>
internal sealed class PlaceNames(AssetMapDbContext db)
{
    public async Task<PlaceMatch?> FindAsync(string? text, string field, ParameterErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (Postcode.TryParse(trimmed, out var postcode, out _) || LooksLikePostcode(trimmed))
        {
            return new PlaceMatch(trimmed, null, null, postcode?.ToString() ?? trimmed);
        }

        if (trimmed.Length > 60)
        {
            errors.Add(field, "Enter a postcode or a town name of at most 60 characters.");
            return null;
        }

        var exactly = EscapeLike(trimmed);
        var within = $"%{exactly}%";
        // Public points only: a hidden home counts at its coarsened point.
        var town = await db.Assets.AsNoTracking()
            .Where(a => a.Status == AssetStatus.Published && EF.Functions.ILike(a.Address.Town, exactly, "\\"))
            .Select(a => new { a.Address.Town, a.PublicLocation })
            .ToListAsync(ct);
        if (town.Count > 0)
        {
            return new PlaceMatch(null, Geo.Point(town.Average(t => t.PublicLocation.X), town.Average(t => t.PublicLocation.Y)), null, town[0].Town);
        }

        var area = await db.PcnAreas.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Name, within, "\\") || EF.Functions.ILike(a.Locality, within, "\\"))
            .OrderBy(a => a.Code).ToViews().FirstOrDefaultAsync(ct);
        if (area is not null)
        {
            return new PlaceMatch(null, null, area.Code, area.Name);
        }

        errors.NotFound(field, $"We could not find '{Shorten(trimmed)}'. Enter a full postcode, like RM17 5AQ, or a town in Thurrock, like Grays.");
        return null;
    }

    // Digits make it a postcode attempt: let the postcode check explain what is wrong with it.
    private static bool LooksLikePostcode(string text) => text.Any(char.IsDigit);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Shorten(string value) => value.Length <= 40 ? value : $"{value[..40]}…";
}
