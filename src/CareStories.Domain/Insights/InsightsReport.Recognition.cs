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
        var counts = await KeptAsync("recognition", RecognitionCountsAsync, RecognitionCounts.Add, cancellationToken);

        // Named here, after the months are added up: the few values, badges and people counted, each looked up by
        // id, so a renamed value or a celebrator who became a leader shows as they are now in every month.
        var valueIds = counts.Values.Keys.ToList();
        var valueNames = await db.Values.AsNoTracking().Where(v => valueIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var values = counts.Values.Select(v => new Tally(valueNames[v.Key], v.Value));
        var badgeIds = counts.Badges.Keys.ToList();
        var badgeNames = await db.Badges.AsNoTracking().Where(b => badgeIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var badges = counts.Badges.Select(b => new Tally(badgeNames[b.Key], b.Value));
        var celebratorIds = counts.Celebrators.Keys.ToList();
        var leaders = from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where role.Name == Roles.Leader
                      select userRole.UserId;
        var celebratorNames = await db.Users.AsNoTracking().Where(p => celebratorIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, IsLeader = leaders.Contains(p.Id) })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var celebrators = counts.Celebrators
            .Select(c => new CelebratorTally(celebratorNames[c.Key].DisplayName, celebratorNames[c.Key].IsLeader, c.Value));

        static List<Tally> Ordered(IEnumerable<Tally> tallies) =>
            tallies.OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        return new RecognitionFigures(
            Ordered(values),
            Ordered(badges),
            celebrators.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
            counts.Stories - counts.AboutOneself,
            counts.AboutOneself);
    }

    /// <summary>What was recognised in some months, by id: what <see cref="KeptMonths"/> keeps, and months add up.</summary>
    private sealed record RecognitionCounts(
        Dictionary<int, int> Values, Dictionary<int, int> Badges, Dictionary<string, int> Celebrators, int Stories, int AboutOneself)
    {
        public static RecognitionCounts Add(RecognitionCounts a, RecognitionCounts b) => new(
            Sum(a.Values, b.Values), Sum(a.Badges, b.Badges), Sum(a.Celebrators, b.Celebrators), a.Stories + b.Stories, a.AboutOneself + b.AboutOneself);
    }

    /// <summary>Two tallies by key added up.</summary>
    private static Dictionary<TKey, int> Sum<TKey>(Dictionary<TKey, int> a, Dictionary<TKey, int> b)
        where TKey : notnull
    {
        var sum = new Dictionary<TKey, int>(a, a.Comparer);
        foreach (var (key, count) in b)
        {
            sum[key] = sum.GetValueOrDefault(key) + count;
        }

        return sum;
    }

    /// <summary>Values, badges, celebrators and stories about oneself in [from, to), by id.</summary>
    private async Task<RecognitionCounts> RecognitionCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var published = PublishedBetween(from, to);
        // From the period's stories to their values (not from each value to all its stories): the period index
        // bounds the work. Grouped by id, then named, as the values are few and their names unique.
        var values = await published.Join(db.Set<StoryValue>(), s => s.Id, v => v.StoryId, (s, v) => v.ValueId)
            .GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(v => v.Key, v => v.Count, cancellationToken);
        var celebrations = CelebrationsBetween(from, to);
        // Grouped by id, then named: grouping by the name made SQLite sort every celebration of the period through
        // the names' case-insensitive collation, a call into .NET per comparison (80 of 100 ms at 100,000 stories).
        var badges = await celebrations
            .GroupBy(c => c.BadgeId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(b => b.Key, b => b.Count, cancellationToken);
        var celebrators = await celebrations
            .GroupBy(c => c.CelebratorId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Key, c => c.Count, StringComparer.Ordinal, cancellationToken);

        // Two plain counts: grouped by the "about oneself" test, SQLite ran it twice per story (to group and for the
        // key) and sorted the stories for the grouping. The index of published stories by time carries the author
        // (IX_Stories_Status_PublishedAt_AuthorId), so the stories' own rows, which hold the texts, are not read.
        var stories = await published.CountAsync(cancellationToken);
        var aboutOneself = await published.CountAsync(s => s.Heroes.Any(h => h.PersonId == s.AuthorId), cancellationToken);
        return new RecognitionCounts(values, badges, celebrators, stories, aboutOneself);
    }

    /// <summary>Below this many candidates their last recognition is looked up person by person (see <see cref="NotRecognisedAsync"/>).</summary>
    public const int LookUpByPersonBelow = 20;

    /// <summary>
    /// The people in the scope nobody has recognised in the <paramref name="days"/> days up to <paramref name="now"/>,
    /// longest-waiting first (never recognised before everyone else), at most <paramref name="take"/>, and how many in all.
    /// </summary>
    public async Task<(IReadOnlyList<NotRecognisedPerson> People, int Count)> NotRecognisedAsync(
        DateTimeOffset now, int days, int take, CancellationToken cancellationToken, int byPersonBelow = LookUpByPersonBelow)
    {
        var since = now.AddDays(-days);
        var recognised = RecognisedBetween(since, DateTimeOffset.MaxValue);
        var people = ScopedPeople.Where(p => !recognised.Contains(p.Id));
        var candidates = await people.Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
        var last = await LastRecognisedAsync(candidates.Select(p => p.Id).ToList(), since, byPersonBelow, cancellationToken);
        var list = candidates
            .Select(p => new NotRecognisedPerson(p.Id, p.DisplayName, last.TryGetValue(p.Id, out var at) ? at : null))
            .OrderBy(p => p.LastRecognisedAt is null ? 0 : 1).ThenBy(p => p.LastRecognisedAt)
            .ThenBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        return (list, candidates.Count);
    }

    /// <summary>
    /// When each of these people (none recognised since <paramref name="before"/>) was last recognised. Most people
    /// were recognised not long before, so it looks back from the newest recognition before <paramref name="before"/>
    /// in windows that double (30 days, 60, 120…), each read through the period indexes like any other figure, and
    /// forgets whoever it found: the newest window a person appears in holds their last recognition. The few left
    /// (never recognised, or long ago: fewer than <paramref name="byPersonBelow"/>, or none found in the last window)
    /// are looked up person by person through the heroes' person index. Reading every candidate's every credit at once
    /// (what this did before) read each of the 100,000 benchmark stories' rows: seconds a page.
    /// </summary>
    private async Task<Dictionary<string, DateTimeOffset>> LastRecognisedAsync(
        List<string> candidates, DateTimeOffset before, int byPersonBelow, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var left = candidates.ToHashSet(StringComparer.Ordinal);
        if (left.Count == 0)
        {
            return last;
        }

        // The windows start at the newest recognition of anyone (one step back along each time index), so a
        // quiet spell just before the period costs nothing.
        var newestPublished = await db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Published && s.PublishedAt < before)
            .OrderByDescending(s => s.PublishedAt).Select(s => s.PublishedAt).FirstOrDefaultAsync(cancellationToken);
        var newestCelebrated = await CelebrationsOnPublished(DateTimeOffset.MinValue, before)
            .OrderByDescending(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefaultAsync(cancellationToken);
        if (newestPublished is null && newestCelebrated is null)
        {
            return last;
        }

        // Just past the newest: a second, as PostgreSQL keeps microseconds and would round a tick away.
        var to = new[] { newestPublished, newestCelebrated }.Max()!.Value.AddSeconds(1);
        var span = TimeSpan.FromDays(30);
        for (var window = 0; window < 7 && left.Count >= Math.Max(byPersonBelow, 1); window++)
        {
            var from = to - span;
            // Everyone recognised in the window (at most everyone in the company), the candidates picked out here:
            // a list of ids in the SQL would tempt SQLite to start from the heroes' person index instead.
            var found = await RecognitionsBetween(from, to)
                .GroupBy(r => r.PersonId)
                .Select(g => new { g.Key, Last = g.Max(r => r.At) })
                .ToListAsync(cancellationToken);
            var resolved = 0;
            foreach (var person in found.Where(p => left.Remove(p.Key)))
            {
                last[person.Key] = person.Last;
                resolved++;
            }

            // A window that found none of them suggests the rest were never recognised (new people, leaders):
            // looking each one up is then cheaper than reading ever longer windows.
            if (resolved == 0)
            {
                break;
            }

            to = from;
            span *= 2;
        }

        if (left.Count > 0)
        {
            foreach (var (id, at) in await LastRecognisedByPersonAsync(left.ToList(), cancellationToken))
            {
                last[id] = at;
            }
        }

        return last;
    }

    private sealed class Recognition
    {
        public required string PersonId { get; init; }

        public DateTimeOffset At { get; init; }
    }

    /// <summary>Each credit in a story published in [from, to), and in a published story celebrated then, with its instant.</summary>
    private IQueryable<Recognition> RecognitionsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var heroes = db.Set<StoryHero>().AsNoTracking();
        var published = db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Published && s.PublishedAt >= from && s.PublishedAt < to)
            .Join(heroes, s => s.Id, h => h.StoryId, (s, h) => new Recognition { PersonId = h.PersonId, At = s.PublishedAt!.Value });
        var celebrated = CelebrationsOnPublished(from, to)
            .Join(heroes, c => c.StoryId, h => h.StoryId, (c, h) => new Recognition { PersonId = h.PersonId, At = c.At });
        return published.Concat(celebrated);
    }

    /// <summary>
    /// The last recognition of a few people, read through the stories that credit them (the heroes' person index).
    /// "Published" is checked inside the maximum rather than in the WHERE clause: otherwise SQLite, without
    /// statistics, walked every published story by the status index and probed each person for it.
    /// </summary>
    private async Task<Dictionary<string, DateTimeOffset>> LastRecognisedByPersonAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var credits = db.Stories.AsNoTracking()
            .SelectMany(s => s.Heroes, (s, h) => new { h.PersonId, s.Id, s.Status, s.PublishedAt })
            .Where(x => ids.Contains(x.PersonId));
        var lastPublished = await credits
            .GroupBy(x => x.PersonId)
            .Select(g => new { g.Key, Last = g.Max(x => x.Status == StoryStatus.Published ? x.PublishedAt : null) })
            .ToListAsync(cancellationToken);
        var lastCelebrated = await (from x in credits
                                    join c in db.Celebrations on x.Id equals c.StoryId
                                    group x.Status == StoryStatus.Published ? c.At : (DateTimeOffset?)null by x.PersonId into g
                                    select new { g.Key, Last = g.Max() })
            .ToListAsync(cancellationToken);
        return lastPublished.Concat(lastCelebrated)
            .Where(x => x.Last is not null)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(x => x.Last!.Value), StringComparer.Ordinal);
    }
}
