using System.Globalization;
using AssetMap.Api.Features.Postcodes;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Assets;

/// <summary>
/// The one check of a search, whoever asks (REST, GraphQL, the web form): turns a <see cref="SearchInput"/> into
/// <see cref="AssetSearchCriteria"/>, naming every field it cannot use in the caller's own words.
/// </summary>
internal sealed class AssetSearchValidator(AssetMapDbContext db, PostcodeLookup postcodes)
{
    private static readonly string[] DayNames = [.. Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())];

    public async Task<(AssetSearchCriteria? Criteria, ParameterErrors Errors)> CheckAsync(
        SearchInput input, SearchFieldNames names, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var near = await PointAsync(input, names, errors, ct);
        if (input.RadiusMetres is not null && near is null && !errors.Any)
        {
            Add(errors, names.Radius, $"{names.Radius} needs a point: give {names.Postcode}, or {names.Latitude} and {names.Longitude}.");
        }
        else if (input.RadiusMetres is < 1 or > AssetSearchCriteria.MaxRadiusMetres)
        {
            Add(errors, names.Radius, $"{names.Radius} must be between 1 and {AssetSearchCriteria.MaxRadiusMetres} metres.");
        }

        var pageSize = input.PageSize ?? AssetSearchCriteria.DefaultPageSize;
        if (input.Page is < 1)
        {
            Add(errors, names.Page, $"{names.Page} starts at 1.");
        }
        else if ((input.Offset ?? ((long)((input.Page ?? 1) - 1) * pageSize)) > AssetSearchCriteria.MaxOffset)
        {
            Add(errors, names.Page, $"{names.Page} is too far: results are paged up to the first {AssetSearchCriteria.MaxOffset:N0}.");
        }

        if (pageSize is < 1 or > AssetSearchCriteria.MaxPageSize)
        {
            Add(errors, names.PageSize, $"{names.PageSize} must be between 1 and {AssetSearchCriteria.MaxPageSize}.");
        }

        var criteria = new AssetSearchCriteria
        {
            Near = near,
            RadiusMetres = input.RadiusMetres ?? AssetSearchCriteria.DefaultRadiusMetres,
            PcnCode = await PcnAsync(input.PcnCode, names.Pcn, errors, ct),
            Kinds = Kinds(input.Kinds, names.Kinds, errors),
            CategoryIds = await CategoriesAsync(input.Categories, names.Categories, errors, ct),
            Text = Text(input.Text, names.Text, errors),
            OpenOn = OpenOnValue(input.OpenOn, names.OpenOn, errors),
            FreeOnly = input.Free == true,
            AccessibleOnly = input.Accessible == true,
            DirectPaymentsOnly = input.AcceptsDirectPayments == true,
            VerifiedSince = input.VerifiedSince,
            Page = input.Page ?? 1,
            PageSize = pageSize,
            ExplicitOffset = input.Offset,
        };
        return errors.Any ? (null, errors) : (criteria, errors);
    }

    /// <summary>Where the person is: a postcode from the directory, or a latitude/longitude pair.</summary>
    public async Task<Point?> PointAsync(SearchInput p, SearchFieldNames names, ParameterErrors errors, CancellationToken ct)
    {
        if (p.Postcode is not null && (p.Latitude is not null || p.Longitude is not null))
        {
            Add(errors, names.Postcode, $"Give {names.Postcode} or {names.Latitude} and {names.Longitude}, not both.");
            return null;
        }

        if (p.Postcode is not null)
        {
            return (await postcodes.FindAsync(p.Postcode, names.Postcode, errors, ct))?.Location;
        }

        if (p.Latitude is null != p.Longitude is null)
        {
            Add(errors, p.Latitude is null ? names.Latitude : names.Longitude, $"{names.Latitude} and {names.Longitude} go together: give both.");
            return null;
        }

        if (p.Latitude is not { } lat || p.Longitude is not { } lon)
        {
            return null;
        }

        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            Add(errors, names.Latitude, $"{names.Latitude} must be between -90 and 90.");
        }

        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            Add(errors, names.Longitude, $"{names.Longitude} must be between -180 and 180.");
        }

        return errors.Any ? null : Geo.Point(lon, lat);
    }

    private static void Add(ParameterErrors errors, string name, string message) => errors.Add(SearchFieldNames.Key(name), message);

    private async Task<string?> PcnAsync(string? code, string name, ParameterErrors errors, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }

        var normalised = code.Trim().ToUpperInvariant();
        if (!await db.PcnAreas.AnyAsync(a => a.Code == normalised, ct))
        {
            Add(errors, name, $"'{Shorten(code)}' is not a PCN area code (see /api/v1/pcn-areas).");
        }

        return normalised;
    }

    private static List<AssetKind> Kinds(IReadOnlyList<string>? kinds, string name, ParameterErrors errors)
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
                Add(errors, name, $"'{Shorten(kind)}' is not a kind: use hub, micro-enterprise or activity.");
            }
        }

        return result;
    }

    private async Task<List<Guid>> CategoriesAsync(IReadOnlyList<string>? slugs, string name, ParameterErrors errors, CancellationToken ct)
    {
        if (slugs is not { Count: > 0 })
        {
            return [];
        }

        var wanted = slugs.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var known = await db.Categories.Where(c => wanted.Contains(c.Slug)).Select(c => new { c.Id, c.Slug }).ToListAsync(ct);
        foreach (var missing in wanted.Except(known.Select(k => k.Slug)))
        {
            Add(errors, name, $"'{Shorten(missing)}' is not a category slug (see /api/v1/categories).");
        }

        // A parent category includes its children.
        var ids = known.Select(k => k.Id).ToList();
        var children = await db.Categories.Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value)).Select(c => c.Id).ToListAsync(ct);
        return [.. ids.Concat(children).Distinct()];
    }

    private static string? Text(string? q, string name, ParameterErrors errors)
    {
        if (q is null)
        {
            return null;
        }

        if (q.Length > AssetSearchCriteria.MaxTextLength)
        {
            Add(errors, name, $"{name} is {q.Length} characters; at most {AssetSearchCriteria.MaxTextLength} are searched.");
            return null;
        }

        // Punctuation is searched as plain text, never as SQL or LIKE syntax; text with nothing to search is refused.
        if (!q.Any(char.IsLetterOrDigit))
        {
            Add(errors, name, $"{name} has no letters or digits to search for.");
            return null;
        }

        return q.Trim();
    }

    private static OpenOn? OpenOnValue(string? text, string name, ParameterErrors errors)
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
                Add(errors, name, $"{name} {value} is outside the years 2000 to 2099.");
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

        Add(errors, name, $"'{Shorten(text)}' is not a weekday (e.g. tuesday) or a date (yyyy-mm-dd).");
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : $"{value[..40]}…";
}
