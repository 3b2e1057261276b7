using CareStories.Domain.Freshness;

namespace CareStories.Web.Freshness;

/// <summary>
/// The database's <see cref="ChangeStamp"/> as this request sees it, read at most once per request (one small SQL
/// command, compiled once). Read it before reading anything it guards: data read afterwards is at least as new as
/// the stamp, so a cache entry filed under it is never older than what the stamp promises. On SQLite the command runs
/// on <see cref="SqliteRequestStamps"/>' open connections, unless the request holds a transaction of its own. On
/// PostgreSQL the stamps and the bell come from <see cref="PostgresChangeFeed"/>'s memory when it knows them for this
/// request, and what is read from the database is offered to it.
/// </summary>
public sealed class SharedContentStamp(
    CareStoriesDbContext db, SqliteRequestStamps? sqlite = null, PostgresChangeFeed? feed = null, IHttpContextAccessor? http = null)
{
    private static readonly Func<CareStoriesDbContext, CancellationToken, Task<long>> Read = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, CancellationToken cancellationToken) =>
            db.ChangeStamps.Where(s => s.Id == ChangeStamp.SharedContentId).Select(s => s.Value).First());

    // The stamp and the reader's unread notifications (the header's bell) in one command: one round trip instead of
    // two on every page that reads both, which on PostgreSQL is most of what such a page waits for.
    private static readonly Func<CareStoriesDbContext, string, CancellationToken, Task<StampAndUnread>> ReadWithUnread = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, string me, CancellationToken cancellationToken) =>
            db.ChangeStamps.Where(s => s.Id == ChangeStamp.SharedContentId)
                .Select(s => new StampAndUnread(s.Value, db.Notifications.Count(n => n.RecipientId == me && n.ReadAt == null)))
                .First());

    private long? _value;
    private (string Person, int Count)? _unread;
    private (int StoryId, (long Stamp, string Key) Key)? _story;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_value is { } value)
        {
            return value;
        }

        if (Fast is { } fast)
        {
            return (_value = fast.ReadStamp()).Value;
        }

        if (Known(null, null) is { } known)
        {
            return (_value = known.Shared).Value;
        }

        var offerTo = OfferTo;
        var epoch = offerTo?.Epoch ?? 0;
        var stamp = await Read(db, cancellationToken);
        offerTo?.Offer(epoch, stamp, null, 0);
        return (_value = stamp).Value;
    }

    /// <summary>
    /// The stamp, read together with <paramref name="me"/>'s unread count if it has not been read yet in this request;
    /// the header's bell then takes the count from <see cref="UnreadOf"/> instead of asking again.
    /// </summary>
    public async ValueTask<long> CurrentAsync(string me, CancellationToken cancellationToken)
    {
        if (_value is { } value)
        {
            return value;
        }

        long stamp;
        int unread;
        if (Fast is { } fast)
        {
            (stamp, unread) = fast.ReadShared(me);
        }
        else if (Known(me, null) is { } known)
        {
            (stamp, unread) = (known.Shared, known.Unread);
        }
        else
        {
            var offerTo = OfferTo;
            var epoch = offerTo?.Epoch ?? 0;
            (stamp, unread) = await ReadWithUnreadAsync(me, cancellationToken);
            offerTo?.Offer(epoch, stamp, me, unread);
        }

        _unread = (me, unread);
        _value = stamp;
        return stamp;
    }

    /// <summary>
    /// As <see cref="CurrentAsync(string, CancellationToken)"/>, and <paramref name="storyId"/>'s own stamps in the same
    /// command, kept for <see cref="StoryPageKeyAsync"/>: a story page asks the database one thing before its cached parts.
    /// </summary>
    public async ValueTask<long> CurrentAsync(string me, int storyId, CancellationToken cancellationToken)
    {
        if (_value is { } value)
        {
            return value;
        }

        StoryRequestStamps read;
        if (Fast is { } fast)
        {
            read = fast.ReadStory(me, storyId);
        }
        else if (Known(me, StoryStamps.IdOf(storyId)) is { } known)
        {
            read = new StoryRequestStamps(known.Shared, known.Unread, known.Other, known.Story);
        }
        else
        {
            var offerTo = OfferTo;
            var epoch = offerTo?.Epoch ?? 0;
            read = await StoryPageStamp.ReadWithSharedAsync(db, me, storyId, cancellationToken);
            offerTo?.Offer(epoch, read.Shared, me, read.Unread, StoryStamps.IdOf(storyId), read.Other, read.Story);
        }

        _unread = (me, read.Unread);
        _story = (storyId, StoryPageStamp.KeyOf(storyId, read.Other, read.Story));
        _value = read.Shared;
        return read.Shared;
    }

    /// <summary>
    /// What <paramref name="storyId"/>'s shared page parts are cached under (<see cref="StoryPageStamp"/>): taken from
    /// the stamp's own command when that read them, else read now.
    /// </summary>
    public async ValueTask<(long Stamp, string Key)> StoryPageKeyAsync(int storyId, CancellationToken cancellationToken) =>
        _story is { } story && story.StoryId == storyId ? story.Key : await StoryPageStamp.CacheKeyAsync(db, storyId, cancellationToken);

    /// <summary>
    /// <paramref name="me"/>'s unread count if it was read with the stamp in this request, else null. It is as new as the
    /// stamp: a page that marks notifications read in the same request must not read the stamp with the count first.
    /// </summary>
    public int? UnreadOf(string me) => _unread is { } unread && unread.Person == me ? unread.Count : null;

    private async Task<(long Stamp, int Unread)> ReadWithUnreadAsync(string me, CancellationToken cancellationToken)
    {
        var read = await ReadWithUnread(db, me, cancellationToken);
        return (read.Stamp, read.Unread);
    }

    // Another connection would not see what this request's own open transaction wrote.
    private SqliteRequestStamps? Fast => sqlite is not null && db.Database.CurrentTransaction is null ? sqlite : null;

    // PostgreSQL: the stamps (and bell) this instance was told of, unless this request's own transaction may have
    // written newer ones or the person's last save has not been announced here yet.
    private KnownStamps? Known(string? me, int? storyRow) =>
        OfferTo?.TryKnown(me, storyRow, http?.HttpContext is { } context ? FreshnessToken.Of(context.Request) : FreshnessToken.None);

    // What a request reads inside its own transaction may be its own uncommitted writes: never kept for others.
    private PostgresChangeFeed? OfferTo => feed is not null && db.Database.CurrentTransaction is null ? feed : null;

    private sealed record StampAndUnread(long Stamp, int Unread);
}
