using GraphQL.DataLoader;

namespace AssetMap.Api.GraphQL.Loaders;

/// <summary>
/// A small batching loader on the core package's <see cref="IDataLoaderResult{T}"/> (GraphQL.DataLoader is not on our
/// feed). Keys asked for while a tree level resolves are queued; GraphQL.NET awaits the pending results after the
/// level, and the first await fetches every queued key in one query. Scoped and safe only under
/// SerialExecutionStrategy, which every query uses because resolvers share one DbContext.
/// </summary>
internal abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly HashSet<TKey> _queued = [];
    private readonly Dictionary<TKey, TValue?> _loaded = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key))
        {
            _queued.Add(key);
        }

        return new Pending(this, key);
    }

    /// <summary>Fetches many keys at once; keys absent from the result load as default.</summary>
    protected abstract Task<Dictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken ct);

    private async Task<TValue?> GetAsync(TKey key, CancellationToken ct)
    {
        if (_queued.Count > 0)
        {
            TKey[] keys = [.. _queued];
            _queued.Clear();
            var found = await FetchAsync(keys, ct);
            foreach (var k in keys)
            {
                _loaded[k] = found.GetValueOrDefault(k);
            }
        }

        return _loaded.GetValueOrDefault(key);
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
