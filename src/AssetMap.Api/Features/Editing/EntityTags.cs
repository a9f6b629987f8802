using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>
    /// The version in If-Match; a 428 problem naming the header when it is missing or unreadable (RFC 6585: a client that
    /// never read the record must not overwrite it blind). "*" opts out. <paramref name="readFrom"/> says where the ETag comes from.
    /// </summary>
    public static ProblemHttpResult? Precondition(HttpContext http, string readFrom, out uint? expected)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        expected = Parse(header, out var any);
        if (expected is not null || any)
        {
            return null;
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "If-Match required",
            detail: string.IsNullOrWhiteSpace(header)
                ? $"Send the ETag of the version you read in If-Match ({readFrom} gives it)."
                : $"'{(header.Length > 40 ? header[..40] : header)}' is not an ETag this API gave out.",
            extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });
    }
}
