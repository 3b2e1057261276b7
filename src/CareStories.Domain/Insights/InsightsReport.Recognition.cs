using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>What was recognised in a period, and by whom.</summary>
public sealed record RecognitionFigures(
    IReadOnlyList<Tally> Values,
    IReadOnlyList<Tally> Badges,
    IReadOnlyList<CelebratorTally> Celebrators,
    int AboutAColleague,
    int AboutOneself)
{
    public const int CelebratorsShown = 10;

    public int CelebrationsByLeaders => Celebrators.Where(c => c.IsLeader).Sum(c => c.Count);

    public int CelebrationsByManagers => Celebrators.Where(c => !c.IsLeader).Sum(c => c.Count);
}

public sealed partial class InsightsReport
{
    /// <summary>
    /// Values shown by the stories published in the period, badges given in it, who gave those celebrations
    /// (leaders, and everyone else who may celebrate: managers), and whether each story's author is among the people
    /// it credits (about oneself) or not (about a colleague: a nomination).
    /// </summary>
    public async Task<RecognitionFigures> RecognitionAsync(CancellationToken cancellationToken)
    {
        var published = PublishedInPeriod;
        var values = await db.Set<StoryValue>().AsNoTracking()
            .Where(v => published.Any(s => s.Id == v.StoryId))
            .GroupBy(v => v.Value.Name)
            .Select(g => new Tally(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var celebrations = CelebrationsInPeriod;
        var badges = await celebrations
            .GroupBy(c => c.Badge.Name)
            .Select(g => new Tally(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

        var leaders = from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where role.Name == Roles.Leader
                      select userRole.UserId;
        var celebrators = await celebrations
            .GroupBy(c => new { c.CelebratorId, c.Celebrator.DisplayName })
            .Select(g => new CelebratorTally(g.Key.DisplayName, leaders.Contains(g.Key.CelebratorId), g.Count()))
            .ToListAsync(cancellationToken);

        var about = await published
            .GroupBy(s => s.Heroes.Any(h => h.PersonId == s.AuthorId))
            .Select(g => new { AboutOneself = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        static List<Tally> Ordered(IEnumerable<Tally> tallies) =>
            tallies.OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        return new RecognitionFigures(
            Ordered(values),
            Ordered(badges),
            celebrators.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
            about.Where(a => !a.AboutOneself).Sum(a => a.Count),
            about.Where(a => a.AboutOneself).Sum(a => a.Count));
    }

    /// <summary>
    /// The people in the scope nobody has recognised in the <paramref name="days"/> days up to <paramref name="now"/>,
    /// longest-waiting first (never recognised before everyone else), at most <paramref name="take"/>, and how many in all.
    /// </summary>
    public async Task<(IReadOnlyList<NotRecognisedPerson> People, int Count)> NotRecognisedAsync(
        DateTimeOffset now, int days, int take, CancellationToken cancellationToken)
    {
        var recognised = RecognisedBetween(now.AddDays(-days), DateTimeOffset.MaxValue);
        var people = ScopedPeople.Where(p => !recognised.Contains(p.Id));
        var count = await people.CountAsync(cancellationToken);
        var published = db.Stories.Where(s => s.Status == StoryStatus.Published);
        var list = await people
            .Select(p => new
            {
                p.Id,
                p.DisplayName,
                LastPublished = published.Where(s => s.Heroes.Any(h => h.PersonId == p.Id)).Max(s => s.PublishedAt),
                // From the person's heroes by index to their stories' celebrations, never a scan of all celebrations.
                LastCelebrated = (from s in published
                                  from h in s.Heroes
                                  where h.PersonId == p.Id
                                  join c in db.Celebrations on s.Id equals c.StoryId
                                  select (DateTimeOffset?)c.At).Max(),
            })
            .Select(p => new
            {
                p.Id,
                p.DisplayName,
                Last = p.LastCelebrated == null || (p.LastPublished != null && p.LastPublished > p.LastCelebrated)
                    ? p.LastPublished
                    : p.LastCelebrated,
            })
            .OrderBy(p => p.Last == null ? 0 : 1).ThenBy(p => p.Last).ThenBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Take(take)
            .Select(p => new NotRecognisedPerson(p.Id, p.DisplayName, p.Last))
            .ToListAsync(cancellationToken);
        return (list, count);
    }
}
