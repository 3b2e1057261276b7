using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>
/// The weekly nudge: each active manager hears once a week, in the app (and by whatever delivers notifications
/// outside it), how many people in their teams nobody has recognised in the company's number of days.
/// </summary>
public static class RecognitionNudges
{
    /// <summary>
    /// Nudges every manager not yet nudged this week; returns how many notifications it wrote. Each manager is saved
    /// on their own, so a manager another instance nudged first (the unique key refuses the second row) is skipped.
    /// </summary>
    public static async Task<int> SendDueAsync(CareStoriesDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        var week = ManagerNudge.WeekContaining(now);
        var managers = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.IsManager && m.Person.DeactivatedAt == null)
            .Select(m => m.PersonId)
            .Distinct()
            .Where(id => !db.Set<ManagerNudge>().Any(n => n.ManagerId == id && n.WeekOf == week))
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var managerId in managers)
        {
            var count = await NotRecognisedInTeamsOfAsync(db, managerId, now, settings.NotRecognisedDays, cancellationToken);
            db.Add(new ManagerNudge(managerId, week, count, now));
            if (count > 0)
            {
                db.Notifications.Add(Notification.ForPerson(managerId, NotificationKind.NotRecognisedNudge, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent += count > 0 ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                // Another instance nudged this manager first: their row stands, this one is dropped.
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }

    /// <summary>People in the teams this manager manages (not themselves) not recognised in the last <paramref name="days"/> days.</summary>
    public static Task<int> NotRecognisedInTeamsOfAsync(
        CareStoriesDbContext db, string managerId, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teams = db.TeamMemberships.Where(m => m.PersonId == managerId && m.IsManager).Select(m => m.TeamId);
        var report = new InsightsReport(db, new InsightsScope([], WholeCompany: true), ReportingPeriod.Ending(PeriodChoice.Last30Days, now, TimeZoneInfo.Utc));
        var recognised = report.RecognisedBetween(now.AddDays(-days), DateTimeOffset.MaxValue);
        return db.Users.AsNoTracking()
            .Where(p => p.Id != managerId && p.DeactivatedAt == null && p.Memberships.Any(m => teams.Contains(m.TeamId)))
            .CountAsync(p => !recognised.Contains(p.Id), cancellationToken);
    }
}
