using CareStories.Domain.Thanks;

namespace CareStories.Web.Thanks;

/// <summary>The facts about one thank-you that decide who may see and decide it.</summary>
public sealed record ThanksFacts(int Id, ThanksStatus Status, string? PersonId, int? TeamId, ThanksTarget Target);

/// <summary>
/// Who may decide on customers' thank-yous, and the queries the approval queue and the voice page share. Who
/// hears about an approval is the domain events' business (NotificationRules).
/// </summary>
public static class ThanksApprovals
{
    /// <summary>The waiting or decided thank-yous this person may decide on: their managed teams' (Admin: all), never their own.</summary>
    public static IQueryable<CustomerThanks> DecidableBy(this IQueryable<CustomerThanks> thanks, CareStoriesDbContext db, string personId, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notMine = thanks.Where(t => t.PersonId == null || t.PersonId != personId);
        if (isAdmin)
        {
            return notMine;
        }

        var managed = db.TeamMemberships.Where(m => m.PersonId == personId && m.IsManager).Select(m => m.TeamId);
        return notMine.Where(t =>
            (t.TeamId != null && managed.Contains(t.TeamId.Value))
            || (t.PersonId != null && db.TeamMemberships.Any(m => m.PersonId == t.PersonId && managed.Contains(m.TeamId))));
    }

    /// <summary>
    /// Thank-yous for the teams this person belongs to (as member or manager): to one of those teams, or to a
    /// person in one of them.
    /// </summary>
    public static IQueryable<CustomerThanks> ForTeamsOf(this IQueryable<CustomerThanks> thanks, CareStoriesDbContext db, string personId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = db.TeamMemberships.Where(m => m.PersonId == personId).Select(m => m.TeamId);
        return thanks.Where(t =>
            (t.TeamId != null && mine.Contains(t.TeamId.Value))
            || (t.PersonId != null && db.TeamMemberships.Any(m => m.PersonId == t.PersonId && mine.Contains(m.TeamId))));
    }

    /// <summary>Thank-yous to this team or to a person in it.</summary>
    public static IQueryable<CustomerThanks> ForTeam(this IQueryable<CustomerThanks> thanks, CareStoriesDbContext db, int teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return thanks.Where(t =>
            t.TeamId == teamId
            || (t.PersonId != null && db.TeamMemberships.Any(m => m.PersonId == t.PersonId && m.TeamId == teamId)));
    }

    /// <summary>Who the thank-you is for, with the person's teams; null when there is no such thank-you.</summary>
    public static async Task<ThanksFacts?> FactsAsync(this CareStoriesDbContext db, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.CustomerThanks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new
            {
                t.Id,
                t.Status,
                t.PersonId,
                t.TeamId,
                PersonTeams = db.TeamMemberships.Where(m => m.PersonId == t.PersonId).Select(m => m.TeamId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        IReadOnlyCollection<int> teams = row.TeamId is { } teamId ? [teamId] : row.PersonTeams;
        return new ThanksFacts(row.Id, row.Status, row.PersonId, row.TeamId, new ThanksTarget(row.PersonId, teams));
    }
}
