using System.Globalization;
using System.Text;

namespace AssetMap.Domain.Assets;

/// <summary>Readable URL keys: "St Mary's Café, Grays" becomes <c>st-marys-cafe-grays</c>.</summary>
public static class Slug
{
    /// <summary>Lower-case ASCII letters and digits joined by single hyphens, at most 80 characters.</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
        return slug.Length == 0 ? "asset" : slug;
    }

    /// <summary>
    /// The slugs to try, in order, for a new record: its name, then name and town (names repeat across towns, e.g.
    /// "Lunch club"), then name, town and a counter from 3. Shared by the importer and the editing API.
    /// </summary>
    public static IEnumerable<string> Candidates(string name, string town)
    {
        yield return From(name);
        yield return From($"{name} {town}");
        for (var n = 3; ; n++)
        {
            yield return From($"{name} {town} {n}");
        }
    }
}
