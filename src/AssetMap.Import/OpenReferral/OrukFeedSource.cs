using System.Globalization;
using System.Text.Json;

namespace AssetMap.Import.OpenReferral;

/// <summary>
/// Where a feed's services come from: a live feed (its base URL: <c>GET /</c>, then <c>/services</c> page by page and
/// <c>/services/{id}</c> for each) or a folder of saved JSON (every <c>*.json</c> file, each a list page with
/// <c>contents</c>, a bare array, or one service).
/// </summary>
public sealed class OrukFeedSource(string location, HttpClient? http = null)
{
    private const int PerPage = 100;

    /// <summary>The base URL or folder, as given; recorded as each imported record's source.</summary>
    public string Location { get; } = location.TrimEnd('/');

    public bool IsFolder => Directory.Exists(location);

    /// <summary>"3.0" when <c>GET /</c> names a 3.x version (e.g. HSDS-UK-3.0), else "1.0" (as the ORUK validator decides).</summary>
    public async Task<string> VersionAsync(CancellationToken ct)
    {
        if (IsFolder)
        {
            return "3.0";
        }

        try
        {
            var root = await GetAsync(Location + "/", ct);
            return root.TryGetProperty("version", out var version) && version.GetString() is { } text && text.Contains("3.", StringComparison.Ordinal)
                ? "3.0"
                : "1.0";
        }
        catch (HttpRequestException)
        {
            return "1.0";
        }
    }

    /// <summary>Every service, in full, in feed order.</summary>
    public async IAsyncEnumerable<JsonElement> ServicesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (IsFolder)
        {
            foreach (var file in Directory.GetFiles(Location, "*.json").Order(StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
                var root = document.RootElement;
                var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
                    : root.TryGetProperty("contents", out var contents) ? contents.EnumerateArray()
                    : root.TryGetProperty("content", out var content) ? content.EnumerateArray()
                    : default;
                if (items.Equals(default(JsonElement.ArrayEnumerator)) && root.ValueKind == JsonValueKind.Object)
                {
                    yield return root.Clone();
                    continue;
                }

                foreach (var item in items)
                {
                    yield return item.Clone();
                }
            }

            yield break;
        }

        for (var page = 1; ; page++)
        {
            var list = await GetAsync(string.Create(CultureInfo.InvariantCulture, $"{Location}/services?page={page}&per_page={PerPage}"), ct);
            // ORUK 3.0 calls the items "contents"; ORUK 1.0 "content".
            var items = list.TryGetProperty("contents", out var contents) ? contents : list.GetProperty("content");
            foreach (var item in items.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString();
                yield return id is null ? item : await GetAsync($"{Location}/services/{Uri.EscapeDataString(id)}", ct);
            }

            var last = list.TryGetProperty("last_page", out var lastPage) ? lastPage.GetBoolean()
                : list.TryGetProperty("last", out var lastV1) ? lastV1.GetBoolean()
                : items.GetArrayLength() == 0;
            if (last || items.GetArrayLength() == 0)
            {
                yield break;
            }
        }
    }

    private async Task<JsonElement> GetAsync(string url, CancellationToken ct)
    {
        var client = http ?? throw new InvalidOperationException("A live feed needs an HttpClient.");
        using var response = await client.GetAsync(new Uri(url), ct);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return document.RootElement.Clone();
    }
}
