namespace AssetMap.Api.Features.Editing;

/// <summary>One GOV.UK form field, named by the REST contract's field name so the error summary links to it.</summary>
/// <param name="Name">The field's name and id, e.g. <c>contact.phone</c>.</param>
/// <param name="Label">The label.</param>
/// <param name="Value">The current value.</param>
/// <param name="Errors">Every field's errors; this field's are shown beside it.</param>
/// <param name="Hint">Optional hint.</param>
/// <param name="Multiline">A textarea rather than an input.</param>
/// <param name="Type">The input type.</param>
/// <param name="Autocomplete">The autocomplete token, when one applies.</param>
internal sealed record FormField(
    string Name, string Label, string? Value, IReadOnlyDictionary<string, string[]> Errors, string? Hint = null, bool Multiline = false,
    string Type = "text", string? Autocomplete = null)
{
    public string? Error => Errors.TryGetValue(Name, out var messages) ? string.Join(" ", messages) : null;

    public string Id => Name;
}
