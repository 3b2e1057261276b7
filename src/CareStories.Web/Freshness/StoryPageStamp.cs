using CareStories.Domain.Freshness;

namespace CareStories.Web.Freshness;

/// <summary>
/// What a story's page is cached under instead of the shared <see cref="SharedContentStamp"/>: the story's own stamp
/// and the stamp of shown changes that are not about particular stories (<see cref="StoryStamps"/>), read in one small
/// command. So an applause or comment on another story, which renews the shared stamp, leaves this page cached. Read
/// it before the data it guards, as the shared stamp.
/// </summary>
public static class StoryPageStamp
{
    private static readonly Func<CareStoriesDbContext, int, IAsyncEnumerable<ChangeStamp>> Read = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, int storyRow) =>
            db.ChangeStamps.AsNoTracking().Where(s => s.Id == StoryStamps.OtherContentId || s.Id == storyRow));

    // Everything a story page asks before its cached parts, in one command: the shared stamp, the reader's unread
    // notifications (the bell), and the story's two stamps (a row not made yet reads as 0).
    private static readonly Func<CareStoriesDbContext, string, int, CancellationToken, Task<StoryRequestStamps>> ReadWithShared = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, string me, int storyRow, CancellationToken cancellationToken) =>
            db.ChangeStamps.Where(s => s.Id == ChangeStamp.SharedContentId)
                .Select(s => new StoryRequestStamps(
                    s.Value,
                    db.Notifications.Count(n => n.RecipientId == me && n.ReadAt == null),
                    db.ChangeStamps.Where(o => o.Id == StoryStamps.OtherContentId).Select(o => (long?)o.Value).FirstOrDefault() ?? 0,
                    db.ChangeStamps.Where(o => o.Id == storyRow).Select(o => (long?)o.Value).FirstOrDefault() ?? 0))
                .First());

    /// <summary>The shared stamp, <paramref name="me"/>'s unread count and <paramref name="storyId"/>'s stamps in one command.</summary>
    public static Task<StoryRequestStamps> ReadWithSharedAsync(CareStoriesDbContext db, string me, int storyId, CancellationToken cancellationToken) =>
        ReadWithShared(db, me, StoryStamps.IdOf(storyId), cancellationToken);

    /// <summary>
    /// The cache stamp and key of a story's shared part from its two stamps: the story's own is the stamp, since it
    /// changes with every applause and comment and the cache keeps one stamp per key, so the version it replaces goes
    /// (<see cref="SharedContentCache"/>); the rarely renewed stamp of other changes is part of the key.
    /// </summary>
    public static (long Stamp, string Key) KeyOf(int storyId, long other, long story) =>
        (story, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"story:{storyId}:{other}"));

    /// <summary>The cache key of <paramref name="storyId"/>'s shared part: both stamps, a row not made yet counting as 0.</summary>
    public static async Task<(long Stamp, string Key)> CacheKeyAsync(CareStoriesDbContext db, int storyId, CancellationToken cancellationToken)
    {
        long other = 0, story = 0;
        await foreach (var stamp in Read(db, StoryStamps.IdOf(storyId)).WithCancellation(cancellationToken))
        {
            if (stamp.Id == StoryStamps.OtherContentId)
            {
                other = stamp.Value;
            }
            else
            {
                story = stamp.Value;
            }
        }

        return KeyOf(storyId, other, story);
    }
}

/// <summary>What <see cref="StoryPageStamp.ReadWithSharedAsync"/> reads.</summary>
public sealed record StoryRequestStamps(long Shared, int Unread, long Other, long Story);
