using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AssetMap.Import.Readers;

/// <summary>
/// A row's values by field: one array per row over a field → slot map shared by the whole table. A dictionary per
/// row cost about twice the memory of the cells themselves, and a national file has a hundred thousand rows.
/// </summary>
internal sealed class RowValues(FrozenDictionary<string, int> slots, object?[] values) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No column for '{key}'.");

    public IEnumerable<string> Keys => slots.Keys;

    public IEnumerable<object?> Values => slots.Values.Select(i => values[i]);

    public int Count => slots.Count;

    public bool ContainsKey(string key) => slots.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (slots.TryGetValue(key, out var slot))
        {
            value = values[slot];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        slots.Select(s => new KeyValuePair<string, object?>(s.Key, values[s.Value])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
