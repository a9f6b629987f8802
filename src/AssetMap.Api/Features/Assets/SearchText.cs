using System.Globalization;
using System.Text;

namespace AssetMap.Api.Features.Assets;

/// <summary>
/// Turns what a person typed into the words handed to <c>plainto_tsquery</c>. Not <c>websearch_to_tsquery</c> on the
/// raw text: PostgreSQL builds its operators on a fixed stack, and 33 dashes (each a NOT) overflowed it ("tsquery stack
/// too small", a 500). Here only letters and digits survive, at most <see cref="MaxWords"/> distinct words, ANDed: no
/// input can hold an operator, so none can overflow. Typed operators (<c>or</c>, <c>-word</c>, quotes) are plain words.
/// </summary>
internal static class SearchText
{
    /// <summary>Words searched; a sentence-long query still matches on its first sixteen.</summary>
    public const int MaxWords = 16;

    /// <summary>The distinct words of <paramref name="text"/>, space-separated; empty when it has none.</summary>
    public static string Words(string text)
    {
        var words = new List<string>(MaxWords);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var found = word.ToString();
                word.Clear();
                if (!words.Contains(found, StringComparer.OrdinalIgnoreCase))
                {
                    words.Add(found);
                    if (words.Count == MaxWords)
                    {
                        break;
                    }
                }
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// <paramref name="words"/> (from <see cref="Words"/>) as a <c>to_tsquery</c> matching them in the name only (weight
    /// A of the search vector), ANDed. Each is quoted: a word of combining marks alone would otherwise be a syntax error.
    /// </summary>
    public static string NameQuery(string words) =>
        string.Join(" & ", words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => $"'{word}':A"));
}
