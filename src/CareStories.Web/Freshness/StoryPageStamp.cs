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

        return (other, $"story:{storyId}:{story}");
    }
}
