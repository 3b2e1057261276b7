using CareStories.Domain.Notifications;
using CareStories.Domain.Settings;

namespace CareStories.Web.Tests.Review;

/// <summary>A team with a member who writes and a manager who reviews.</summary>
internal sealed record ReviewTeam(int TeamId, TestPerson Author, TestPerson Manager);

internal static class ReviewTestData
{
    public static async Task<ReviewTeam> ReviewTeamAsync(this CareStoriesFactory factory)
    {
        var author = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(members: [author], managers: [manager]);
        return new ReviewTeam(team, author, manager);
    }

    /// <summary>A story by the team's author, waiting for review since <paramref name="submittedAt"/>.</summary>
    public static Task<int> WaitingStoryAsync(this CareStoriesFactory factory, ReviewTeam team, DateTimeOffset? submittedAt = null, params TestPerson[] heroes) =>
        factory.WaitingStoryAsync(team.Author, team.TeamId, submittedAt, heroes);

    public static Task<int> WaitingStoryAsync(this CareStoriesFactory factory, TestPerson author, int teamId, DateTimeOffset? submittedAt = null, params TestPerson[] heroes)
    {
        var at = submittedAt ?? factory.Clock.GetUtcNow();
        return factory.Data.StoryAsync(author, teamId, s =>
        {
            if (heroes.Length > 0)
            {
                s.SetHeroes(heroes.Select(h => h.Id).ToList());
            }

            // Written now, submitted whenever the test says: the story's dates stay valid however long ago that is.
            s.Submit(author.Id, at);
        });
    }

    public static Task<List<(string RecipientId, NotificationKind Kind, string? ActorId)>> NotificationsAboutAsync(this CareStoriesFactory factory, int storyId) =>
        factory.WithDbAsync(async db => (await db.Notifications.AsNoTracking()
                .Where(n => n.StoryId == storyId)
                .Select(n => new { n.RecipientId, n.Kind, n.ActorId })
                .ToListAsync())
            .Select(n => (n.RecipientId, n.Kind, n.ActorId))
            .ToList());

    public static Task<Story> StoryAsync(this CareStoriesFactory factory, int storyId) =>
        factory.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Id == storyId));

    public static Task SetReviewSettingsAsync(this CareStoriesFactory factory, bool publishWithoutReview, int overdueDays) =>
        factory.WithDbAsync(async db =>
        {
            var settings = await db.CompanySettings.SingleAsync(s => s.Id == CompanySettings.SingletonId);
            settings.Update(publishWithoutReview, overdueDays);
            await db.SaveChangesAsync();
        });
}
