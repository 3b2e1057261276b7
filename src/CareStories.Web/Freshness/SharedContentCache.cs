using Microsoft.Extensions.Caching.Memory;

namespace CareStories.Web.Freshness;

/// <summary>
/// This instance's memory of what pages share between readers (a feed page's cards and filter lists, a story's
/// text), each entry filed under the <see cref="SharedContentStamp"/> it was read at. A save that changes shared
/// content renews the stamp, so old entries are simply never asked for again and age out. Only what every reader
/// may see goes here: per-person parts (the bell, my applause, what I may do) are read per request.
/// </summary>
public sealed class SharedContentCache(IConfiguration configuration) : IDisposable
{
    // Entries, not bytes: a feed page's data is a few tens of kilobytes, so this stays within a few tens of megabytes
    // however many filter and page combinations are asked for.
    public const int MostEntries = 1_000;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MostEntries });

    /// <summary>
    /// On unless <c>SharedContentCache:Enabled</c> is false: a switch to measure what the cache buys
    /// (<c>--app-env SharedContentCache__Enabled=false</c> in the benchmark), or to rule it out when something looks stale.
    /// </summary>
    public bool Enabled { get; } = configuration.GetValue("SharedContentCache:Enabled", true);

    /// <summary>The value filed under <paramref name="key"/> at <paramref name="stamp"/>, read by <paramref name="load"/> if absent.</summary>
    public async Task<T> GetOrLoadAsync<T>(long stamp, string key, Func<Task<T>> load)
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

        var value = await load();
        using (var entry = _cache.CreateEntry(fullKey))
        {
            entry.Value = value;
            entry.Size = 1;
            entry.SlidingExpiration = Unused;
            entry.AbsoluteExpirationRelativeToNow = Longest;
        }

        return value;
    }

    public void Dispose() => _cache.Dispose();
}
