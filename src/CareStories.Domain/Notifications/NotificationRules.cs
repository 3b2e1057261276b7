using CareStories.Domain.Data;
using CareStories.Domain.Events;
using CareStories.Domain.Thanks;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Notifications;

/// <summary>
/// Who hears what: the one place domain events become notification rows (and the few other changes they cause),
/// called by the DbContext inside the same <c>SaveChanges</c> as the change that raised them.
/// </summary>
internal sealed class NotificationRules(CareStoriesDbContext db)
{
    public async Task HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case StorySubmitted e:
                await TellReviewersAsync(e.Story, e.At, cancellationToken);
                break;
            case StoryPublished e:
                db.Notifications.AddRange(Notification.ForStoryPeople(e.Story, NotificationKind.StoryPublished, e.ActorId, e.At));
                await ReviewDoneAsync(e.Story, e.At, cancellationToken);
                await Delivery.ChatPosts.AddAsync(db, e.Story, e.At, cancellationToken);
                await TellTeamManagersAsync(
                    StoryPeopleOf(e.Story), e.Story, NotificationKind.TeamMemberPublished, e.ActorId, e.At, cancellationToken);
                break;
            case StorySentBack e:
                db.Notifications.AddRange(Notification.ForStoryPeople(e.Story, NotificationKind.StorySentBack, e.ActorId, e.At));
                await ReviewDoneAsync(e.Story, e.At, cancellationToken);
                break;
            case StoryWithdrawn e:
                db.FeaturedStories.RemoveRange(
                    await db.FeaturedStories.Where(f => f.StoryId == e.StoryId).ToListAsync(cancellationToken));
                break;
            case StoryCelebrated e:
                TellStoryPeople(e.Story, NotificationKind.StoryCelebrated, e.CelebratorId, e.At);
                await Delivery.ChatPosts.AddCelebratedAsync(db, e.Story.StoryId, e.CelebratorId, e.At, cancellationToken);
                await TellTeamManagersAsync(e.Story, null, NotificationKind.TeamMemberCelebrated, e.CelebratorId, e.At, cancellationToken);
                break;
            case CommentAdded e:
                TellStoryPeople(e.Story, NotificationKind.StoryCommented, e.WriterId, e.At);
                break;
            case StoryFeatured e:
                // The people credited hear; the author only when they are credited too.
                db.Notifications.AddRange(e.Story.HeroIds.Where(id => id != e.LeaderId).Distinct(StringComparer.Ordinal)
                    .Select(id => new Notification(id, NotificationKind.StoryFeatured, e.Story.StoryId, e.LeaderId, e.At)));
                break;
            case ThanksReceived e:
                await TellDecidersAsync(e.Thanks, e.At, cancellationToken);
                break;
            case ThanksApproved e:
                db.Notifications.AddRange(e.StartedDraft
                    ? e.Story.AuthorId == e.ManagerId
                        ? []
                        : [new Notification(e.Story.AuthorId, NotificationKind.ThanksApproved, e.Story, e.ManagerId, e.At)]
                    : Notification.ForStoryPeople(e.Story, NotificationKind.ThanksApproved, e.ManagerId, e.At));
                await ThanksDecidedAsync(e.Thanks, e.At, cancellationToken);
                break;
            case ThanksDiscarded e:
                await ThanksDecidedAsync(e.Thanks, e.At, cancellationToken);
                break;
            case Fixes.FixProposed or Fixes.FixAccepted or Fixes.FixDeclined or Fixes.FixDone or Fixes.FixCelebrated:
                await new Fixes.FixNotificationRules(db, AdminsAsync).HandleAsync(domainEvent, cancellationToken);
                break;
            case Permission.RuleDecided e:
                await TellRuleBendersAsync(e, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"No rule says who hears of {domainEvent.GetType().Name}.");
        }
    }

    private void TellStoryPeople(StoryPeople story, NotificationKind kind, string actorId, DateTimeOffset at) =>
        db.Notifications.AddRange(Notification.ForStoryPeople(story.StoryId, story.AuthorId, story.HeroIds, kind, actorId, at));

    /// <summary>
    /// Those who may review a story hear it is waiting: managers of its teams and of its author's teams, except
    /// the author and heroes. When no such manager exists, the Admins hear instead, so no story waits unseen.
    /// </summary>
    private async Task TellReviewersAsync(Story story, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The story's teams may not be saved yet, so the rule runs in memory: the author and their teams are loaded
        // (tracked, so EF Core fixes them up on the story) for StoryAccess to read.
        await db.Users.Include(p => p.Memberships).Where(p => p.Id == story.AuthorId).LoadAsync(cancellationToken);
        var teamIds = StoryAccess.ReviewTeamIdsOf(story);
        var involved = story.Heroes.Select(h => h.PersonId).Append(story.AuthorId).ToList();
        var reviewers = await db.TeamMemberships.AsNoTracking()
            // A manager who has left is not told; if nobody active is left, the Admins hear.
            .Where(m => m.IsManager && m.Person.DeactivatedAt == null && teamIds.Contains(m.TeamId))
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        reviewers.RemoveAll(involved.Contains);
        if (reviewers.Count == 0)
        {
            reviewers = await AdminsAsync(cancellationToken);
            reviewers.RemoveAll(involved.Contains);
        }

        db.Notifications.AddRange(reviewers.Select(id => story.Id == 0
            ? new Notification(id, NotificationKind.StoryWaitingForReview, story, story.AuthorId, at)
            : new Notification(id, NotificationKind.StoryWaitingForReview, story.Id, story.AuthorId, at)));
    }

    /// <summary>Once someone reviewed the story, every reviewer's "waiting for your review" is done with.</summary>
    private async Task ReviewDoneAsync(Story story, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var waiting = story.Id == 0
            ? []
            : await db.Notifications
                .Where(n => n.StoryId == story.Id && n.Kind == NotificationKind.StoryWaitingForReview && n.ReadAt == null)
                .ToListAsync(cancellationToken);
        // News added in this same save (submitted and reviewed at once) is done with too.
        waiting.AddRange(db.Notifications.Local.Where(n => n.Story == story && n.Kind == NotificationKind.StoryWaitingForReview));
        waiting.ForEach(n => n.MarkRead(at));
    }

    /// <summary>
    /// The managers of the person's teams (or of the team) the thank-you is for, never the person thanked
    /// (<see cref="ThanksAccess.CanDecide"/>). With no such manager the Admins hear instead, so no thank-you waits unseen.
    /// </summary>
    private async Task TellDecidersAsync(CustomerThanks thanks, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var teamIds = thanks.TeamId is { } teamId
            ? [teamId]
            : await db.TeamMemberships.AsNoTracking()
                .Where(m => m.PersonId == thanks.PersonId)
                .Select(m => m.TeamId)
                .ToListAsync(cancellationToken);
        var deciders = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.IsManager && m.Person.DeactivatedAt == null && teamIds.Contains(m.TeamId))
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        deciders.Remove(thanks.PersonId ?? "");
        if (deciders.Count == 0)
        {
            deciders = await AdminsAsync(cancellationToken);
            deciders.Remove(thanks.PersonId ?? "");
        }

        db.Notifications.AddRange(deciders.Select(id => Notification.ThanksWaitingFor(id, thanks, at)));
    }

    /// <summary>Once someone decided the thank-you, every manager's "thank-you waiting" is done with.</summary>
    private async Task ThanksDecidedAsync(CustomerThanks thanks, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var waiting = thanks.Id == 0
            ? []
            : await db.Notifications
                .Where(n => n.CustomerThanksId == thanks.Id && n.Kind == NotificationKind.ThanksWaiting && n.ReadAt == null)
                .ToListAsync(cancellationToken);
        waiting.AddRange(db.Notifications.Local.Where(n => n.CustomerThanks == thanks && n.Kind == NotificationKind.ThanksWaiting));
        waiting.ForEach(n => n.MarkRead(at));
    }

    /// <summary>
    /// The authors and people credited in the shared stories that bent the rule hear of a decision on it, once each
    /// (about their newest such story), except the leader who decided.
    /// </summary>
    private async Task TellRuleBendersAsync(Permission.RuleDecided e, CancellationToken cancellationToken)
    {
        var stories = await db.StoryLatitudes.AsNoTracking()
            .Where(l => l.BentRuleId == e.Rule.Id && l.Story.Status != StoryStatus.Draft && l.Story.Status != StoryStatus.Withdrawn)
            .OrderByDescending(l => l.Story.UpdatedAt).ThenByDescending(l => l.StoryId)
            .Select(l => new { l.StoryId, l.Story.AuthorId, Heroes = l.Story.Heroes.Select(h => h.PersonId).ToList() })
            .ToListAsync(cancellationToken);
        var told = new HashSet<string>(StringComparer.Ordinal) { e.Decision.DecidedById };
        foreach (var story in stories)
        {
            db.Notifications.AddRange(story.Heroes.Prepend(story.AuthorId).Where(told.Add)
                .Select(id => new Notification(id, NotificationKind.RuleDecided, story.StoryId, e.Decision.DecidedById, e.At)));
        }
    }

    private static StoryPeople StoryPeopleOf(Story story) =>
        new(story.Id, story.AuthorId, story.Heroes.Select(h => h.PersonId).ToList());

    /// <summary>
    /// The managers of the teams the people credited are in hear their people were published or celebrated (Insights:
    /// "a manager hears when someone in their teams is recognised"), except whoever did it and the story's own people,
    /// who have their own news. <paramref name="newStory"/> is the story when it may not have an id yet.
    /// </summary>
    private async Task TellTeamManagersAsync(
        StoryPeople story, Story? newStory, NotificationKind kind, string actorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var heroIds = story.HeroIds.ToList();
        var heroTeams = db.TeamMemberships.Where(m => heroIds.Contains(m.PersonId)).Select(m => m.TeamId);
        var managers = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.IsManager && m.Person.DeactivatedAt == null && heroTeams.Contains(m.TeamId))
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        managers.RemoveAll(id => id == actorId || id == story.AuthorId || heroIds.Contains(id));
        db.Notifications.AddRange(managers.Select(id => newStory is { Id: 0 }
            ? new Notification(id, kind, newStory, actorId, at)
            : new Notification(id, kind, story.StoryId, actorId, at)));
    }

    internal Task<List<string>> AdminsAsync(CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         join person in db.Users on userRole.UserId equals person.Id
         where role.Name == Roles.Admin && person.DeactivatedAt == null
         select userRole.UserId)
        .Distinct()
        .ToListAsync(cancellationToken);
}
