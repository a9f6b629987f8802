using System.Globalization;
using AssetMap.Api.Features.Postcodes;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>Turns raw parameters into <see cref="AssetSearchCriteria"/>, naming every parameter it cannot use.</summary>
internal sealed class AssetSearchRequest(AssetMapDbContext db, PostcodeLookup postcodes)
{
    private static readonly string[] DayNames = [.. Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())];

    public async Task<(AssetSearchCriteria? Criteria, ParameterErrors Errors)> CheckAsync(
        AssetSearchParameters p, IReadOnlyList<string>? kinds, CancellationToken ct)
    {
        var errors = new ParameterErrors();

        // PostgreSQL text cannot hold NUL (GraphQL strings can); refuse it rather than fail in the database.
        foreach (var (name, value) in new[] { ("postcode", p.Postcode), ("pcn", p.Pcn), ("q", p.Q), ("openOn", p.OpenOn) }
            .Concat((p.Category ?? []).Select(c => ("category", (string?)c))))
        {
            if (value?.Contains('\0', StringComparison.Ordinal) == true)
            {
                errors.Add(name, $"{name} contains a NUL character.");
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var near = await PointAsync(p, errors, ct);
        if (p.Radius is not null && near is null && !errors.Any)
        {
            errors.Add("radius", "radius needs a point: give postcode, or lat and lon.");
        }
        else if (p.Radius is < 1 or > AssetSearchCriteria.MaxRadiusMetres)
        {
            errors.Add("radius", $"radius must be between 1 and {AssetSearchCriteria.MaxRadiusMetres} metres.");
        }

        if (p.Page is < 1)
        {
            errors.Add("page", "page starts at 1.");
        }
        else if ((long)((p.Page ?? 1) - 1) * (p.PageSize ?? AssetSearchCriteria.DefaultPageSize) > AssetSearchCriteria.MaxOffset)
        {
            errors.Add("page", $"page is too far: results are paged up to the first {AssetSearchCriteria.MaxOffset:N0}.");
        }

        if (p.PageSize is < 1 or > AssetSearchCriteria.MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {AssetSearchCriteria.MaxPageSize}.");
        }

        var criteria = new AssetSearchCriteria
        {
            Near = near,
            RadiusMetres = p.Radius ?? AssetSearchCriteria.DefaultRadiusMetres,
            PcnCode = await PcnAsync(p.Pcn, errors, ct),
            Kinds = Kinds(kinds, errors),
            CategoryIds = await CategoriesAsync(p.Category, errors, ct),
            Text = Text(p.Q, errors),
            OpenOn = OpenOnValue(p.OpenOn, errors),
            FreeOnly = p.Free == true,
            AccessibleOnly = p.Accessible == true,
            DirectPaymentsOnly = p.AcceptsDirectPayments == true,
            VerifiedSince = p.VerifiedSince,
            Page = p.Page ?? 1,
            PageSize = p.PageSize ?? AssetSearchCriteria.DefaultPageSize,
        };
        return errors.Any ? (null, errors) : (criteria, errors);
    }

    /// <summary>Where the person is: a postcode from the directory, or a latitude/longitude pair.</summary>
    public async Task<Point?> PointAsync(AssetSearchParameters p, ParameterErrors errors, CancellationToken ct)
    {
        if (p.Postcode is not null && (p.Lat is not null || p.Lon is not null))
        {
            errors.Add("postcode", "Give postcode or lat and lon, not both.");
            return null;
        }

        if (p.Postcode is not null)
        {
            return await PostcodePointAsync(p.Postcode, errors, ct);
        }

        if (p.Lat is null != p.Lon is null)
        {
            errors.Add(p.Lat is null ? "lat" : "lon", "lat and lon go together: give both.");
            return null;
        }

        if (p.Lat is not { } lat || p.Lon is not { } lon)
        {
            return null;
        }

        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.Add("lat", "lat must be between -90 and 90.");
        }

        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors.Add("lon", "lon must be between -180 and 180.");
        }

        return errors.Any ? null : Geo.Point(lon, lat);
    }

    /// <summary>A postcode's point from the directory; malformed is a 400, unknown a 404.</summary>
    public async Task<Point?> PostcodePointAsync(string text, ParameterErrors errors, CancellationToken ct) =>
        (await postcodes.FindAsync(text, "postcode", errors, ct))?.Location;

    private async Task<string?> PcnAsync(string? code, ParameterErrors errors, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }

        var normalised = code.Trim().ToUpperInvariant();
        if (!await db.PcnAreas.AnyAsync(a => a.Code == normalised, ct))
        {
            errors.Add("pcn", $"'{Shorten(code)}' is not a PCN area code (see /api/v1/pcn-areas).");
        }

        return normalised;
    }

    private static List<AssetKind> Kinds(IReadOnlyList<string>? kinds, ParameterErrors errors)
    {
        var result = new List<AssetKind>();
        foreach (var kind in kinds ?? [])
        {
            var key = kind.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
            if (Enum.TryParse<AssetKind>(key, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(key, out _))
            {
                result.Add(parsed);
            }
            else
            {
                errors.Add("kind", $"'{Shorten(kind)}' is not a kind: use hub, micro-enterprise or activity.");
            }
        }

        return result;
    }

    private async Task<List<Guid>> CategoriesAsync(IReadOnlyList<string>? slugs, ParameterErrors errors, CancellationToken ct)
    {
        if (slugs is not { Count: > 0 })
        {
            return [];
        }

        var wanted = slugs.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var known = await db.Categories.Where(c => wanted.Contains(c.Slug)).Select(c => new { c.Id, c.Slug }).ToListAsync(ct);
        foreach (var missing in wanted.Except(known.Select(k => k.Slug)))
        {
            errors.Add("category", $"'{Shorten(missing)}' is not a category slug (see /api/v1/categories).");
        }

        // A parent category includes its children.
        var ids = known.Select(k => k.Id).ToList();
        var children = await db.Categories.Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value)).Select(c => c.Id).ToListAsync(ct);
        return [.. ids.Concat(children).Distinct()];
    }

    private static string? Text(string? q, ParameterErrors errors)
    {
        if (q is null)
        {
            return null;
        }

        if (q.Length > AssetSearchCriteria.MaxTextLength)
        {
            errors.Add("q", $"q is {q.Length} characters; at most {AssetSearchCriteria.MaxTextLength} are searched.");
            return null;
        }

        // Punctuation is searched as plain text, never as SQL or LIKE syntax; text with nothing to search is refused.
        if (!q.Any(char.IsLetterOrDigit))
        {
            errors.Add("q", "q has no letters or digits to search for.");
            return null;
        }

        return q.Trim();
    }

    private static OpenOn? OpenOnValue(string? text, ParameterErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var value = text.Trim().ToLowerInvariant();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Schedules are expanded from their first session: keep dates to a span where that means something.
            if (date.Year is < 2000 or > 2099)
            {
                errors.Add("openOn", $"openOn {value} is outside the years 2000 to 2099.");
                return null;
            }

            return new OpenOn(date.DayOfWeek, date);
        }

        // Any prefix of two letters or more names one day: mo, tue, thurs, saturday.
        var day = Array.FindIndex(DayNames, d => value.Length >= 2 && d.StartsWith(value, StringComparison.Ordinal));
        if (day >= 0)
        {
            return new OpenOn((DayOfWeek)day, null);
        }

        errors.Add("openOn", $"'{Shorten(text)}' is not a weekday (e.g. tuesday) or a date (yyyy-mm-dd).");
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : $"{value[..40]}…";
}
