using System.Runtime.CompilerServices;
using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// Recognition for a story a test is still shaping. Celebrations, applause, comments and featuring are their own
/// aggregates keyed by the story's id, which a new story only has once saved: these take the story's facts now (so
/// a story withdrawn later in the same shaping still counts as published here) and add the recognition right after
/// <see cref="TestData.StoryAsync"/> saves the story.
/// </summary>
internal static class RecognitionOnSave
{
    private static readonly ConditionalWeakTable<Story, List<Func<CareStoriesDbContext, int, Task>>> Pending = new();

    public static void ThenCelebrate(this Story story, string celebratorId, Badge badge, string message, DateTimeOffset at) =>
        Later(story, (db, facts) => db.Celebrations.Add(Celebration.Give(facts, celebratorId, badge, message, at)));

    public static void ThenApplaud(this Story story, string personId, DateTimeOffset at) =>
        Later(story, (db, facts) => db.Applause.Add(Applause.Give(facts, personId, at)));

    public static void ThenComment(this Story story, string writerId, string text, DateTimeOffset at) =>
        Later(story, (db, facts) => db.Comments.Add(Comment.Write(facts, writerId, text, at)));

    public static void ThenFeature(this Story story, string leaderId, DateTimeOffset at)
    {
        var facts = story.Facts();
        Pending.GetOrCreateValue(story).Add(async (db, id) =>
            db.FeaturedStories.Add(FeaturedStory.Feature(facts with { StoryId = id }, leaderId, await db.FeaturedStories.ToListAsync(), at)));
    }

    /// <summary>Adds what was asked for this story, now that it has its id, and saves it.</summary>
    public static async Task SaveAsync(CareStoriesDbContext db, Story story)
    {
        if (!Pending.TryGetValue(story, out var actions))
        {
            return;
        }

        Pending.Remove(story);
        foreach (var action in actions)
        {
            await action(db, story.Id);
            // One at a time, so a featuring sees the ones before it.
            await db.SaveChangesAsync();
        }
    }

    private static void Later(Story story, Action<CareStoriesDbContext, StoryAccessFacts> add)
    {
        var facts = story.Facts();
        Pending.GetOrCreateValue(story).Add((db, id) =>
        {
            add(db, facts with { StoryId = id });
            return Task.CompletedTask;
        });
    }
}
