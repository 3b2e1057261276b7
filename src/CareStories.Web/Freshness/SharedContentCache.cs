using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace CareStories.Web.Freshness;

/// <summary>
/// This instance's memory of what pages share between readers (a feed page's cards and filter lists, a story's
/// text and recognition), each entry filed under the <see cref="SharedContentStamp"/> it was read at. A save that
/// changes shared content renews the stamp, so old entries are simply never asked for again and age out. Only what
/// every reader may see goes here: per-person parts (the bell, my applause, what I may do) are read per request.
/// </summary>
public sealed class SharedContentCache(IConfiguration configuration) : IDisposable
{
    /// <summary>
    /// What the cache may hold, in the sizes its callers give (<see cref="GetOrLoadAsync{T}"/>, about a kilobyte a
    /// unit): a feed page is about 50, a story page a few, so some 400 feed pages or thousands of stories.
    /// </summary>
    public const long Capacity = 24 * 1024;

    // The stamp carries freshness, so time only clears out what nobody asks for any more.
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(5);

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

        var fullKey = (stamp, key);
        if (_cache.TryGetValue(fullKey, out T? cached) && cached is not null)
        {
            return cached;
        }

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
            using (var entry = _cache.CreateEntry(fullKey))
            {
                entry.Value = value;
                entry.Size = Math.Max(1, size?.Invoke(value) ?? 1);
                entry.SlidingExpiration = Unused;
            }

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
        value = null;
        return Enabled && _cache.TryGetValue((stamp, key), out value) && value is not null;
    }

    /// <summary>Files <paramref name="value"/> under <paramref name="key"/> at <paramref name="stamp"/>, about <paramref name="size"/> kilobytes.</summary>
    public void Set<T>(long stamp, string key, T value, long size)
        where T : class
    {
        if (Enabled)
        {
            using var entry = _cache.CreateEntry((stamp, key));
            entry.Value = value;
            entry.Size = Math.Max(1, size);
            entry.SlidingExpiration = Unused;
        }
    }

    public void Dispose() => _cache.Dispose();
}
