using System.Text.Json;

namespace AssetMap.Import.OpenReferral;

/// <summary>
/// The <c>--mapping</c> file: which of the feed's taxonomy terms are which of our category slugs, and which make a
/// service which kind. Terms are matched by id, then by <c>term</c> code, then by name (any case). Example:
/// <code>{ "categories": { "Lunch club": "lunch-clubs", "3f7b145d-…": "befriending" }, "kinds": { "Venue": "hub" }, "default_kind": "activity" }</code>
/// Without a mapping, terms whose code or name is one of our category slugs or names map to it.
/// </summary>
public sealed record OrukReadMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public Dictionary<string, string> Categories { get; init; } = [];

    public Dictionary<string, string> Kinds { get; init; } = [];

    /// <summary>hub, micro-enterprise or activity; when absent, a service with a dated schedule is an activity, else a hub.</summary>
    public string? DefaultKind { get; init; }

    public static OrukReadMapping None { get; } = new();

    public static async Task<OrukReadMapping> ReadAsync(string path, CancellationToken ct) =>
        JsonSerializer.Deserialize<OrukReadMapping>(await File.ReadAllTextAsync(path, ct), Json) ?? None;
}
