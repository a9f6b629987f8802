using System.Globalization;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// ETags from an asset's concurrency version (PostgreSQL <c>xmin</c>). Editing answers carry <c>"{version}"</c>; the
/// public detail carries <c>"{version}-{hash}"</c> (it also changes with what else is shown), and both may be sent back
/// in <c>If-Match</c>: only the version before the hyphen is compared.
/// </summary>
internal static class EntityTags
{
    public static string For(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an <c>If-Match</c> header names; null when absent, <c>*</c> or unreadable (<paramref name="any"/> is then true for <c>*</c>).</summary>
    public static uint? Parse(string? ifMatch, out bool any)
    {
        any = false;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }

        var tag = ifMatch.Split(',')[0].Trim();
        if (tag == "*")
        {
            any = true;
            return null;
        }

        tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        var inner = tag.Trim('"');
        var dash = inner.IndexOf('-', StringComparison.Ordinal);
        return uint.TryParse(dash < 0 ? inner : inner[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
