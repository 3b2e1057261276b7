using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace CareStories.Web.Freshness;

/// <summary>
/// This instance's memory of what pages share between readers (a feed page's cards and filter lists, a story's
/// text and recognition), each entry filed under a key and the <see cref="SharedContentStamp"/> it was read at. A save
/// that changes shared content renews the stamp; the next read of a key at the new stamp replaces the entry kept at
/// the old one, so a key holds one version, not one per change (under writes the feed's page changes with every
/// applause, and the old pages would otherwise stay until the cache is full). Only what every reader may see goes
/// here: per-person parts (the bell, my applause, what I may do) are read per request.
/// </summary>
public sealed class SharedContentCache(IConfiguration configuration) : IDisposable
{
    /// <summary>
    /// What the cache may hold, in the sizes its callers give (<see cref="GetOrLoadAsync{T}"/>, about a kilobyte a
    /// unit): a feed page is about 50, a story page a few, so some 400 feed pages or thousands of stories.
    /// </summary>
    public const long Capacity = 24 * 1024;

    // The stamp carries freshness, so time only clears out keys nobody asks for any more.
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(5);

    // Keyed by the caller's key alone, the value carrying its stamp (Kept): storing a key replaces its older version.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    // The reads under way, one per key: when a change renews the stamp, the readers who ask for the same page at once
    // share one read instead of each running it (a stampede that made the mixed run's p99).
    private readonly ConcurrentDictionary<(long Stamp, string Key), Task<object>> _loading = new();

    /// <summary>
    /// On unless <c>SharedContentCache:Enabled</c> is false: a switch to measure what the cache buys
    /// (<c>--app-env SharedContentCache__Enabled=false</c> in the benchmark), or to rule it out when something looks stale.
    /// </summary>
    public bool Enabled { get; } = configuration.GetValue("SharedContentCache:Enabled", true);

    /// <summary>
    /// The value filed under <paramref name="key"/> at <paramref name="stamp"/>, read by <paramref name="load"/> if absent;
    /// <paramref name="size"/> says roughly how many kilobytes it holds.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(long stamp, string key, Func<Task<T>> load, Func<T, long>? size = null)
        where T : class
    {
        if (!Enabled)
        {
            return await load();
        }

        if (Find<T>(stamp, key) is { } cached)
        {
            return cached;
        }

        var fullKey = (stamp, key);

        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loading = _loading.GetOrAdd(fullKey, mine.Task);
        if (loading != mine.Task)
        {
            try
            {
                return (T)await loading;
            }
            catch (Exception) when (loading.IsFaulted || loading.IsCanceled)
            {
                // The reader who went first gave up (their request was aborted) or failed: read for ourselves.
                return await load();
            }
        }

        try
        {
            var value = await load();
            Keep(stamp, key, value, size?.Invoke(value) ?? 1);

            mine.SetResult(value);
            return value;
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
            throw;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<(long, string), Task<object>>(fullKey, mine.Task));
        }
    }

    /// <summary>
    /// The value filed under <paramref name="key"/> at <paramref name="stamp"/> if this instance holds it, for a caller
    /// that looks up many entries and reads the missing ones together (the feed's cards, <see cref="Set{T}"/>).
    /// </summary>
    public bool TryGet<T>(long stamp, string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        value = Enabled ? Find<T>(stamp, key) : null;
        return value is not null;
    }

    /// <summary>Files <paramref name="value"/> under <paramref name="key"/> at <paramref name="stamp"/>, about <paramref name="size"/> kilobytes.</summary>
    public void Set<T>(long stamp, string key, T value, long size)
        where T : class
    {
        if (Enabled)
        {
            Keep(stamp, key, value, size);
        }
    }

    /// <summary>How many keys the cache holds (each at one stamp).</summary>
    public long Count => _cache.Count;

    private T? Find<T>(long stamp, string key)
        where T : class =>
        _cache.TryGetValue(key, out Kept? kept) && kept!.Stamp == stamp ? kept.Value as T : null;

    // Replaces whatever the key held, at whichever stamp: a reader still at an older stamp may put back its older
    // version for a moment, which the next reader at the newer stamp does not take (the stamps differ) and replaces.
    private void Keep(long stamp, string key, object value, long size)
    {
        using var entry = _cache.CreateEntry(key);
        entry.Value = new Kept(stamp, value);
        entry.Size = Math.Max(1, size);
        entry.SlidingExpiration = Unused;
    }

    private sealed record Kept(long Stamp, object Value);

    public void Dispose() => _cache.Dispose();
}
