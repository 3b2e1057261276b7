using CareStories.Domain.Data;
using CareStories.Domain.Events;
using CareStories.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Fixes;

/// <summary>
/// Who hears what about fixes; called by <see cref="NotificationRules"/> for fix events, inside the same save.
/// Nobody hears of what they did themselves.
/// </summary>
internal sealed class FixNotificationRules(CareStoriesDbContext db, Func<CancellationToken, Task<List<string>>> admins)
{
    public async Task HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case FixProposed e:
                await TellManagersAsync(e.Fix, e.At, cancellationToken);
                break;
            case FixAccepted e:
                Tell(e.Fix, NotificationKind.FixAccepted, [e.Fix.RaisedById], e.ManagerId, e.At);
                Tell(e.Fix, NotificationKind.FixAssigned, [e.Fix.OwnerId!], e.ManagerId, e.At);
                await ProposalDecidedAsync(e.Fix, e.At, cancellationToken);
                break;
            case FixDeclined e:
                Tell(e.Fix, NotificationKind.FixDeclined, [e.Fix.RaisedById], e.ManagerId, e.At);
                await ProposalDecidedAsync(e.Fix, e.At, cancellationToken);
                break;
            case FixDone e:
                await TellStoryPeopleAsync(e.Fix, e.ActorId, e.At, cancellationToken);
                break;
            case FixCelebrated e:
                db.Notifications.AddRange(e.CreditedIds.Where(id => id != e.CelebratorId).Distinct(StringComparer.Ordinal)
                    .Select(id => Notification.AboutFix(id, NotificationKind.FixCelebrated, e.FixId, e.CelebratorId, e.At)));
                break;
        }
    }

    private void Tell(Fix fix, NotificationKind kind, IEnumerable<string> recipients, string actorId, DateTimeOffset at) =>
        db.Notifications.AddRange(recipients.Where(id => id != actorId).Distinct(StringComparer.Ordinal)
            .Select(id => Notification.AboutFix(id, kind, fix, actorId, at)));

    /// <summary>The owning team's active managers hear of a new proposal; with none, the Admins, so none waits unseen.</summary>
    private async Task TellManagersAsync(Fix fix, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var managers = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.TeamId == fix.TeamId && m.IsManager && m.Person.DeactivatedAt == null)
            .Select(m => m.PersonId)
            .ToListAsync(cancellationToken);
        if (managers.Count == 0)
        {
            managers = await admins(cancellationToken);
        }

        Tell(fix, NotificationKind.FixProposed, managers, fix.RaisedById, at);
    }

    /// <summary>Once one manager decided a proposal, every manager's "proposed" news is done with.</summary>
    private async Task ProposalDecidedAsync(Fix fix, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var waiting = await db.Notifications
            .Where(n => n.FixId == fix.Id && n.Kind == NotificationKind.FixProposed && n.ReadAt == null)
            .ToListAsync(cancellationToken);
        waiting.ForEach(n => n.MarkRead(at));
    }

    /// <summary>The prompting stories' authors and heroes, and whoever raised it, hear it is done.</summary>
    private async Task TellStoryPeopleAsync(Fix fix, string actorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var storyIds = fix.Stories.Select(s => s.StoryId).ToList();
        var authors = await db.Stories.AsNoTracking()
            .Where(s => storyIds.Contains(s.Id))
            .Select(s => s.AuthorId)
            .ToListAsync(cancellationToken);
        var heroes = await db.Stories.AsNoTracking()
            .Where(s => storyIds.Contains(s.Id))
            .SelectMany(s => s.Heroes.Select(h => h.PersonId))
            .ToListAsync(cancellationToken);
        var credited = fix.Credits.Select(c => c.PersonId).ToHashSet(StringComparer.Ordinal);
        Tell(fix, NotificationKind.FixDone, authors.Concat(heroes).Append(fix.RaisedById).Where(id => !credited.Contains(id)), actorId, at);
    }
}
