using System.Globalization;
using AssetMap.Api.Features.Assets;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.OpenReferral;

/// <summary>
/// Turns the feed's parameters into the one <see cref="AssetSearchCriteria"/> REST and GraphQL use, and runs it through
/// <see cref="AssetSearch"/>: the same checks, the same SQL, the same paging (count + page: two commands).
/// </summary>
internal sealed class OrukSearch(AssetMapDbContext db, AssetSearchValidator validator, AssetSearch search)
{
    public const int DefaultPerPage = 50;

    private static readonly string[] DayNames = [.. Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())];

    public async Task<(AssetHitPage? Page, AssetSearchCriteria? Criteria, ParameterErrors Errors)> RunAsync(
        OrukParameters p, OrukPlaceParameters? place, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var (kinds, categories, categorisedOnly) = await TermsAsync(p, errors, ct);
        var input = new SearchInput
        {
            Text = p.Search,
            Page = Int(p.Page, "page", errors),
            PageSize = Int(p.PerPage, "per_page", errors) ?? DefaultPerPage,
            Kinds = kinds,
            Categories = categories,
            Postcode = place?.Postcode,
            RadiusMetres = Int(place?.Proximity, "proximity", errors),
            PcnCode = place?.Pcn,
        };
        var extra = new AssetSearchCriteria
        {
            ModifiedAfter = Instant(p.ModifiedAfter, errors),
            Provider = await ProviderAsync(p.OrganizationId, errors, ct),
            OpenOn = DayValue(p.Day, errors),
            OpenBetween = Between(p.StartTime, p.EndTime, errors),
            CategorisedOnly = categorisedOnly,
        };
        // Ages are checked but narrow nothing: AssetMap records no age limits, so every service admits every age.
        foreach (var (value, name) in new[] { (p.MinimumAge, "minimum_age"), (p.MaximumAge, "maximum_age") })
        {
            if (Int(value, name, errors) is < 0 or > 150)
            {
                errors.Add(name, $"{name} must be an age between 0 and 150.");
            }
        }

        if (errors.Any)
        {
            return (null, null, errors);
        }

        var (checkedCriteria, searchErrors) = await validator.CheckAsync(input, SearchFieldNames.OpenReferral, ct);
        if (checkedCriteria is null)
        {
            return (null, null, searchErrors);
        }

        var criteria = checkedCriteria with
        {
            ModifiedAfter = extra.ModifiedAfter,
            Provider = extra.Provider,
            OpenOn = extra.OpenOn,
            OpenBetween = extra.OpenBetween,
            CategorisedOnly = extra.CategorisedOnly,
        };
        return (await search.SearchAsync(criteria, ct), criteria, errors);
    }

    public static OrukPage<T> Page<T>(AssetHitPage hits, AssetSearchCriteria criteria, Func<Features.Assets.ReadModel.AssetView, T> map)
    {
        var pages = (int)Math.Ceiling(hits.TotalCount / (double)criteria.PageSize);
        var contents = hits.Items.Select(h => map(h.View)).ToList();
        var more = hits.TotalCountIsLowerBound && contents.Count > 0;
        return new OrukPage<T>(hits.TotalCount, more ? Math.Max(pages, criteria.Page + 1) : pages, criteria.Page, contents.Count,
            criteria.Page == 1, !more && criteria.Page >= pages, contents.Count == 0, contents, hits.TotalCountIsLowerBound);
    }

    private async Task<(List<string>? Kinds, List<string>? Categories, bool CategorisedOnly)> TermsAsync(
        OrukParameters p, ParameterErrors errors, CancellationToken ct)
    {
        List<string>? kinds = null;
        List<string>? categories = null;
        var categorisedOnly = false;
        if (p.TaxonomyId is { } taxonomy)
        {
            if (!Guid.TryParse(taxonomy, out var taxonomyId))
            {
                errors.Add("taxonomy_id", "taxonomy_id must be a UUID.");
            }
            else if (taxonomyId == OrukIds.Taxonomy)
            {
                categorisedOnly = true;
            }
            else if (taxonomyId != OrukTerms.KindsId)
            {
                errors.NotFound("taxonomy_id", $"No taxonomy has id {taxonomyId} (see /openreferral/v3/taxonomies).");
            }
        }

        if (p.TaxonomyTermId is { } term)
        {
            if (!Guid.TryParse(term, out var termId))
            {
                errors.Add("taxonomy_term_id", "taxonomy_term_id must be a UUID.");
            }
            else if (OrukTerms.KindSlugs.Keys.Where(k => OrukTerms.KindTerm(k).Id == termId).Select(k => (AssetKind?)k).FirstOrDefault() is { } kind)
            {
                kinds = [OrukTerms.KindSlugs[kind]];
            }
            else
            {
                var slugs = await db.Categories.AsNoTracking().Select(c => c.Slug).ToListAsync(ct);
                var slug = slugs.FirstOrDefault(s => OrukIds.TaxonomyTerm(s) == termId);
                if (slug is null)
                {
                    errors.NotFound("taxonomy_term_id", $"No taxonomy term has id {termId} (see /openreferral/v3/taxonomy_terms).");
                }
                else
                {
                    categories = [slug];
                }
            }
        }

        return (kinds, categories, categorisedOnly);
    }

    private async Task<string?> ProviderAsync(string? text, ParameterErrors errors, CancellationToken ct)
    {
        if (text is null)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            errors.Add("organization_id", "organization_id must be a UUID.");
            return null;
        }

        var names = await OrganizationNames(db).ToListAsync(ct);
        var name = names.FirstOrDefault(n => OrukIds.Organization(n) == id);
        if (name is null)
        {
            errors.NotFound("organization_id", $"No organization has id {id} (see /openreferral/v3/organizations).");
        }

        return name;
    }

    /// <summary>Every organization's name: an activity's provider, otherwise the published asset's own name.</summary>
    public static IQueryable<string> OrganizationNames(AssetMapDbContext db) =>
        db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Published)
            .Select(a => a.Kind == AssetKind.Activity ? ((SocialPrescribingActivity)a).Provider : a.Name)
            .Distinct();

    private static int? Int(string? text, string name, ParameterErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(name, $"{name} must be a whole number.");
        return null;
    }

    private static DateTimeOffset? Instant(string? text, ParameterErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && instant.Year is >= 1900 and <= 2999)
        {
            return instant;
        }

        errors.Add("modified_after", "modified_after must be an ISO 8601 date or date-time, e.g. 2026-01-31 or 2026-01-31T09:00:00Z.");
        return null;
    }

    private static OpenOn? DayValue(string? text, ParameterErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        var value = text.Trim().ToLowerInvariant();
        var index = Array.FindIndex(DayNames, d => value.Length >= 2 && d.StartsWith(value, StringComparison.Ordinal));
        if (index >= 0)
        {
            return new OpenOn((DayOfWeek)index, null);
        }

        errors.Add("day", $"day must be a weekday: MO, TU, WE, TH, FR, SA, SU or its name.");
        return null;
    }

    private static OpenBetween? Between(string? start, string? end, ParameterErrors errors)
    {
        var from = Time(start, "start_time", errors);
        var to = Time(end, "end_time", errors);
        if (start is null && end is null)
        {
            return null;
        }

        if (from is { } f && to is { } t && t <= f)
        {
            errors.Add("end_time", "end_time must be after start_time.");
            return null;
        }

        return new OpenBetween(from ?? TimeOnly.MinValue, to ?? TimeOnly.MaxValue);
    }

    private static TimeOnly? Time(string? text, string name, ParameterErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(name, $"{name} must be a time of day, HH:mm (e.g. 09:30).");
        return null;
    }
}
