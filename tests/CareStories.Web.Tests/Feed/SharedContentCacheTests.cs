using CareStories.Web.Freshness;
using Microsoft.Extensions.Configuration;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// When a change renews the stamp, every reader's next request misses the cache at once; they must share one read
/// of the page, not each run it (the stampede that made the mixed run's p99).
/// </summary>
public sealed class SharedContentCacheTests
{
    [Fact]
    public async Task Readers_who_miss_the_same_page_at_once_share_one_read()
    {
        using var cache = new SharedContentCache(new ConfigurationBuilder().Build());
        var reads = 0;
        var release = new TaskCompletionSource();
        async Task<string> Load()
        {
            Interlocked.Increment(ref reads);
            await release.Task;
            return "the page";
        }

        var readers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrLoadAsync(42, "feed", Load))).ToList();
        await Task.Delay(200);
        release.SetResult();

        Assert.All(await Task.WhenAll(readers), page => Assert.Equal("the page", page));
        Assert.Equal(1, reads);
        Assert.Equal("the page", await cache.GetOrLoadAsync(42, "feed", Load));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_read_that_fails_is_not_kept_and_the_readers_waiting_for_it_read_for_themselves()
    {
        using var cache = new SharedContentCache(new ConfigurationBuilder().Build());
        var first = new TaskCompletionSource<string>();
        var failing = cache.GetOrLoadAsync(7, "story:1", () => first.Task);
        var waiting = cache.GetOrLoadAsync(7, "story:1", () => Task.FromResult("read again"));
        first.SetException(new OperationCanceledException("The first reader went away."));

        await Assert.ThrowsAsync<OperationCanceledException>(() => failing);
        Assert.Equal("read again", await waiting);
    }

    [Fact]
    public async Task A_key_read_at_a_newer_stamp_replaces_its_older_version_instead_of_keeping_both()
    {
        using var cache = new SharedContentCache(new ConfigurationBuilder().Build());

        Assert.Equal("before", await cache.GetOrLoadAsync(1, "feed", () => Task.FromResult("before")));
        Assert.Equal("story", await cache.GetOrLoadAsync(1, "story:1", () => Task.FromResult("story")));
        Assert.Equal("after", await cache.GetOrLoadAsync(2, "feed", () => Task.FromResult("after")));

        // One version per key: the page of stamp 1 is gone, the other key is untouched.
        Assert.Equal(2, cache.Count);
        Assert.Equal("after", await cache.GetOrLoadAsync(2, "feed", () => Task.FromResult("never read")));
        Assert.Equal("story", await cache.GetOrLoadAsync(1, "story:1", () => Task.FromResult("never read")));
        Assert.False(cache.TryGet(1, "feed", out string? _));
    }

    [Fact]
    public async Task A_reader_still_at_an_older_stamp_reads_its_own_version_and_never_gets_the_newer_one_or_gives_it_to_a_newer_reader()
    {
        using var cache = new SharedContentCache(new ConfigurationBuilder().Build());
        cache.Set(2, "feed", "page at 2", 50);

        // A request that read the stamp just before the change: it reads the page as of its stamp, not the newer one.
        Assert.Equal("page at 1", await cache.GetOrLoadAsync(1, "feed", () => Task.FromResult("page at 1")));
        // That older version took the key for a moment; a reader at the newer stamp does not take it, and reads again.
        Assert.Equal("page at 2, read again", await cache.GetOrLoadAsync(2, "feed", () => Task.FromResult("page at 2, read again")));
        Assert.True(cache.TryGet(2, "feed", out string? kept));
        Assert.Equal("page at 2, read again", kept);
        Assert.Equal(1, cache.Count);
    }
}
