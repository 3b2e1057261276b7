using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.People;
using CareStories.Domain.Stories;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Notifications;

/// <summary>
/// Adds the notifications a change to a story causes to the same unit of work, so the news is saved with the
/// change or not at all. Callers call <c>SaveChangesAsync</c> once afterwards.
/// </summary>
public sealed class StoryNotifier(CareStoriesDbContext db, TimeProvider time)
{
    /// <summary>Tells the story's author and heroes (except the actor): published, sent back, celebrated, commented.</summary>
    public void TellStoryPeople(Story story, NotificationKind kind, string actorId) =>
        db.Notifications.AddRange(Notification.ForStoryPeople(story, kind, actorId, time.GetUtcNow()));

    /// <summary>
    /// Tells those who may review a story that it is waiting: managers of its teams and of its author's teams,
    /// except the author and heroes. When no such manager exists, the Admins hear instead, so no story waits unseen.
    /// Needs the story's heroes and teams loaded.
    /// </summary>
    public async Task TellReviewersAsync(Story story, CancellationToken cancellationToken = default)
    {
        var teamIds = story.Teams.Select(t => t.TeamId).ToList();
        var involved = story.Heroes.Select(h => h.PersonId).Append(story.AuthorId).ToList();
        var authorTeams = db.TeamMemberships.Where(m => m.PersonId == story.AuthorId).Select(m => m.TeamId);
        var reviewers = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.IsManager && (teamIds.Contains(m.TeamId) || authorTeams.Contains(m.TeamId)))
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        reviewers.RemoveAll(involved.Contains);
        if (reviewers.Count == 0)
        {
            reviewers = await (
                    from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    where role.Name == Roles.Admin && !involved.Contains(userRole.UserId)
                    select userRole.UserId)
                .ToListAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        db.Notifications.AddRange(reviewers.Select(id =>
            new Notification(id, NotificationKind.StoryWaitingForReview, story.Id, story.AuthorId, now)));
    }

    /// <summary>
    /// The news a submission makes: its reviewers hear it is waiting; where the company publishes without review,
    /// the people credited hear it is published. Needs the story's heroes and teams loaded and its id assigned.
    /// </summary>
    public async Task TellAboutSubmissionAsync(Story story, string actorId, CancellationToken cancellationToken = default)
    {
        if (story.Status == StoryStatus.Published)
        {
            TellStoryPeople(story, NotificationKind.StoryPublished, actorId);
        }
        else if (story.Status == StoryStatus.Submitted)
        {
            await TellReviewersAsync(story, cancellationToken);
        }
    }
}
