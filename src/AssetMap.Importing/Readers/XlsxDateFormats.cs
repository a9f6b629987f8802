using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AssetMap.Import.Readers;

/// <summary>
/// Excel stores dates as day numbers; only the cell's number format says it is a date. This finds the cell
/// styles (cellXfs) whose format is a date or time, built-in or custom.
/// </summary>
internal static class XlsxDateFormats
{
    // Built-in date/time formats (ECMA-376 §18.8.30, plus the East Asian ones Excel uses for local dates).
    private static readonly HashSet<uint> BuiltIn =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
            55, 56, 57, 58];

    public static bool[] DateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => IsDateFormat(f.FormatCode?.Value ?? ""))
            ?? [];
        return [.. stylesheet?.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value is { } id
            && (custom.TryGetValue(id, out var isDate) ? isDate : BuiltIn.Contains(id))) ?? []];
    }

    /// <summary>True when the format shows day, month, year, hour or second (outside quotes and [..] parts).</summary>
    public static bool IsDateFormat(string formatCode)
    {
        var visible = new StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\\')
            {
                i++;
            }
            else if (!quoted && c == '[')
            {
                bracket = true;
            }
            else if (bracket && c == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket)
            {
                visible.Append(char.ToLowerInvariant(c));
            }
        }

        // Only the positive-number section matters; "General" has none of the letters.
        var first = visible.ToString().Split(';')[0];
        return first.IndexOfAny(['d', 'm', 'y', 'h', 's']) >= 0;
    }
}
