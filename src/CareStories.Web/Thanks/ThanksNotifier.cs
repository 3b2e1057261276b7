using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.People;
using CareStories.Domain.Thanks;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Thanks;

/// <summary>
/// Tells the people who may decide on a customer's thank-you that it is waiting. Adds the notifications to the
/// same unit of work as the thank-you; the caller saves once.
/// </summary>
public sealed class ThanksNotifier(CareStoriesDbContext db, TimeProvider time)
{
    /// <summary>
    /// The managers of the person's teams (or of the team) the link thanks, never the person thanked
    /// (<see cref="ThanksAccess.CanDecide"/>). With no such manager the Admins hear instead, so no thank-you waits unseen.
    /// </summary>
    public async Task TellDecidersAsync(ThankYouLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var teamIds = link.TeamId is { } teamId
            ? [teamId]
            : await db.TeamMemberships.AsNoTracking()
                .Where(m => m.PersonId == link.PersonId)
                .Select(m => m.TeamId)
                .ToListAsync(cancellationToken);
        var deciders = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.IsManager && teamIds.Contains(m.TeamId))
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        deciders.Remove(link.PersonId ?? "");
        if (deciders.Count == 0)
        {
            deciders = await (
                    from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    where role.Name == Roles.Admin
                    select userRole.UserId)
                .Distinct()
                .ToListAsync(cancellationToken);
            deciders.Remove(link.PersonId ?? "");
        }

        var now = time.GetUtcNow();
        db.Notifications.AddRange(deciders.Select(id => Notification.ThanksWaitingFor(id, now)));
    }
}
