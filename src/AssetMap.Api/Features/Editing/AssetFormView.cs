using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>What the shared entry form partial needs: the kind, the values, the errors and the choices.</summary>
internal sealed record AssetFormView(
    AssetKind Kind, Dictionary<string, string?> Values, IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<(string Slug, string Name)> Categories, IReadOnlyList<(Guid Id, string Name)> Hubs)
{
    public FormField Field(string name, string label, string? hint = null, bool multiline = false, string type = "text") =>
        new(name, label, Values.GetValueOrDefault(name), Errors, hint, multiline, type);

    public bool Checked(string name) => Values.GetValueOrDefault(name) == "true";

    public bool HasCategory(string slug) => (Values.GetValueOrDefault("categories") ?? "").Split(';').Contains(slug);
}
