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
        // The candidates are people, a few hundred at most; their last recognition is two grouped reads over the
        // stories that credit them, found through the heroes' person index. The ids go as a list, and "published" is
        // checked inside the maximum rather than in the WHERE clause: otherwise SQLite, without statistics, walked
        // every published story by the status index and probed each candidate for it (over a minute a page on the
        // benchmark's 100,000 stories).
        var candidates = await people.Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
        var ids = candidates.Select(p => p.Id).ToList();
        var credits = db.Stories.AsNoTracking()
            .SelectMany(s => s.Heroes, (s, h) => new { h.PersonId, s.Id, s.Status, s.PublishedAt })
            .Where(x => ids.Contains(x.PersonId));
        var lastPublished = await credits
            .GroupBy(x => x.PersonId)
            .Select(g => new { g.Key, Last = g.Max(x => x.Status == StoryStatus.Published ? x.PublishedAt : null) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        var lastCelebrated = await (from x in credits
                                    join c in db.Celebrations on x.Id equals c.StoryId
                                    group x.Status == StoryStatus.Published ? c.At : (DateTimeOffset?)null by x.PersonId into g
                                    select new { g.Key, Last = g.Max() })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        var count = candidates.Count;
        var list = candidates
            .Select(p => new NotRecognisedPerson(
                p.Id,
                p.DisplayName,
                new[] { lastPublished.GetValueOrDefault(p.Id), lastCelebrated.GetValueOrDefault(p.Id) }.Max()))
            .OrderBy(p => p.LastRecognisedAt is null ? 0 : 1).ThenBy(p => p.LastRecognisedAt)
            .ThenBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        return (list, count);
    }
}
