using System.Globalization;
using AssetMap.Api.Infrastructure;

namespace AssetMap.Api.Features.Freshness;

/// <summary>The <c>within</c> window of the editors' lists: <c>30d</c> or <c>30</c> days, 0 to 3650.</summary>
internal static class WithinDays
{
    public const int Default = 30;

    public static int? Parse(string? text, ParameterErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var digits = text.Trim().TrimEnd('d', 'D');
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
        {
            return days;
        }

        errors.Add("within", $"'{(text.Length > 20 ? text[..20] + "…" : text)}' is not a number of days from 0 to 3650, e.g. 30d.");
        return null;
    }

    /// <summary>Page and page size, checked the way the search checks them (page from 1, 1 to 100 a page).</summary>
    public static (int Page, int PageSize) Paging(int? page, int? pageSize, ParameterErrors errors)
    {
        if (page is < 1)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > 100)
        {
            errors.Add("pageSize", "pageSize is 1 to 100.");
        }

        return (page ?? 1, pageSize ?? 20);
    }
}
