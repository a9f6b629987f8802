using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AssetMap.Api.Features.Assets.ReadModel;

/// <summary>How a caller names one asset: its UUID or its slug.</summary>
internal sealed partial record AssetKey(Guid? Id, string? Slug)
{
    /// <summary>False when <paramref name="text"/> is neither a UUID nor a slug's shape (lower-case words joined by hyphens).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out AssetKey? key)
    {
        key = Guid.TryParse(text, out var id) ? new AssetKey(id, null)
            : text.Length <= 100 && SlugShape().IsMatch(text) ? new AssetKey(null, text)
            : null;
        return key is not null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugShape();
}
