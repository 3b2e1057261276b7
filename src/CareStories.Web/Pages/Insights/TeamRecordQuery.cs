using System.Globalization;
using CareStories.Domain.Fixes;
using CareStories.Domain.Insights;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Insights;

/// <summary>One celebration a person was given: the badge, the message and who gave it, on which story.</summary>
public sealed record RecordCelebration(string PersonId, string Badge, string Message, string By, string StoryTitle, DateTimeOffset At);

/// <summary>
/// One person's line in the team record. <see cref="Spend"/> is what the stories counted in <see cref="Stories"/>
/// spent, one total per currency (the company's first, never converted); <see cref="FixesDone"/> the fixes marked done
/// in the period that credit them.
/// </summary>
public sealed record TeamRecordRow(
    string Id, string Name, string Teams, int Stories, int Quotes, IReadOnlyList<RecordCelebration> Celebrations, IReadOnlyList<SpendTotal> Spend, int FixesDone)
{
    /// <summary>"EUR 120.00; USD 30.00", or "None" — the spend as a cell or a line reads it.</summary>
    public string SpendText => Spend.Count == 0 ? "None" : string.Join("; ", Spend.Select(s => Money.Format(s.Amount, s.Currency)));

    public IEnumerable<(string Badge, int Count)> Badges =>
        Celebrations.GroupBy(c => c.Badge).Select(g => (g.Key, g.Count())).OrderByDescending(b => b.Item2).ThenBy(b => b.Key, StringComparer.CurrentCulture);
}

/// <summary>
/// The team record's figures, grouped in SQL per person; the same rules as Insights (stories published in the
/// period, celebrations given in it on published stories), so a person's record and the team's agree.
/// </summary>
public static class TeamRecordQuery
{
    public sealed record Member(string PersonId, string DisplayName, string? Team);

    private sealed record CelebrationDetail(int Id, DateTimeOffset At, string Badge, string Message, string By, string Title);

    /// <summary>How many stories published in the period credit a person, and their customer quotes.</summary>
    private sealed record CreditCount(string PersonId, int Stories, int Quotes);

    public static async Task<IReadOnlyList<TeamRecordRow>> ReadAsync(
        CareStoriesDbContext db, InsightsScope scope, ReportingPeriod period, CancellationToken cancellationToken, CareStoriesDbContext? beside = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var teamIds = scope.TeamIds.ToList();
        var people = await db.TeamMemberships.AsNoTracking()
            .Where(m => teamIds.Contains(m.TeamId) && m.Person.DeactivatedAt == null)
            .Select(m => new Member(m.PersonId, m.Person.DisplayName, m.Team.Name))
            .ToListAsync(cancellationToken);
        return await ForPeopleAsync(db, people, period, cancellationToken, beside);
    }

    /// <summary>
    /// One line for each of these people (one row per team they are in). Given a second context
    /// (<paramref name="beside"/>), the celebrations and fixes are read on it while the credits and spend are read on
    /// <paramref name="db"/>, side by side (a context runs one command at a time; Task.Run, as SQLite's "async"
    /// commands run synchronously): a manager waits for the longer half, not for the sum.
    /// </summary>
    public static async Task<IReadOnlyList<TeamRecordRow>> ForPeopleAsync(
        CareStoriesDbContext db, IReadOnlyList<Member> people, ReportingPeriod period, CancellationToken cancellationToken,
        CareStoriesDbContext? beside = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(period);
        var ids = people.Select(p => p.PersonId).Distinct().ToList();
        var wanted = ids.ToHashSet(StringComparer.Ordinal);

        // On SQLite every figure is grouped over all the people credited in the period and the team's people are
        // picked here: with their ids in the SQL, SQLite (which has no statistics) sought the heroes' key (story,
        // person) once per person for every story of the period, 1.2 million seeks for a team of 40 over a year of
        // 100,000 stories. PostgreSQL takes the ids as one array (= ANY) and starts from the credits of those people:
        // in psql, a team of 40 over the benchmark's year, the credits 90-118 → 14-23 ms and the celebrations
        // 60-96 → 12-17 ms against reading everyone's.
        var heroes = Credits(db, ids);
        async Task<(Dictionary<string, CreditCount> Credits, Dictionary<string, IReadOnlyList<SpendTotal>> Spend)> CreditsAndSpendAsync()
        {
            var published = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
            var inPeriod = published.Where(s => s.PublishedAt >= period.Start && s.PublishedAt < period.End);
            // Stories credited and their quotes in one pass over the period's credits (two commands read them twice),
            // the quotes joined once per credit: a count of the story's quotes under each credit was a correlated
            // subquery (SQLite's shell: 161 → 96 ms of CPU for a year at 100,000 stories). A person is credited
            // once per story, so their stories are the distinct story ids of their rows.
            var credits = await (from s in inPeriod
                                 join h in heroes on s.Id equals h.StoryId
                                 from q in s.Quotes.Where(q => !q.IsTextRedacted).DefaultIfEmpty()
                                 select new { h.PersonId, StoryId = s.Id, QuoteId = (int?)q!.Id })
                .GroupBy(x => x.PersonId)
                .Select(g => new CreditCount(g.Key, g.Select(x => x.StoryId).Distinct().Count(), g.Count(x => x.QuoteId != null)))
                .ToDictionaryAsync(x => x.PersonId, cancellationToken);
            return (credits, await SpendAsync(db, inPeriod, heroes, wanted, cancellationToken));
        }

        (Dictionary<string, CreditCount> Credits, Dictionary<string, IReadOnlyList<SpendTotal>> Spend) own;
        (List<RecordCelebration> Celebrations, Dictionary<string, int> FixesDone) recognition;
        if (beside is null)
        {
            own = await CreditsAndSpendAsync();
            recognition = await CelebrationsAndFixesAsync(db, ids, wanted, period, cancellationToken);
        }
        else
        {
            var ownTask = Task.Run(CreditsAndSpendAsync, cancellationToken);
            var recognitionTask = Task.Run(() => CelebrationsAndFixesAsync(beside, ids, wanted, period, cancellationToken), cancellationToken);
            await Task.WhenAll(ownTask, recognitionTask);
            (own, recognition) = (await ownTask, await recognitionTask);
        }

        var (credits, spend) = own;
        var (celebrations, fixesDone) = recognition;

        return people.GroupBy(p => (p.PersonId, p.DisplayName))
            .Select(g => new TeamRecordRow(
                g.Key.PersonId,
                g.Key.DisplayName,
                string.Join(", ", g.Select(p => p.Team).OfType<string>().Order(StringComparer.CurrentCulture)),
                credits.GetValueOrDefault(g.Key.PersonId)?.Stories ?? 0,
                credits.GetValueOrDefault(g.Key.PersonId)?.Quotes ?? 0,
                celebrations.Where(c => c.PersonId == g.Key.PersonId).ToList(),
                spend.GetValueOrDefault(g.Key.PersonId, []),
                fixesDone.GetValueOrDefault(g.Key.PersonId)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The celebrations each of these people was given in the period (in the order given), and the fixes done that credit them.</summary>
    private static async Task<(List<RecordCelebration> Celebrations, Dictionary<string, int> FixesDone)> CelebrationsAndFixesAsync(
        CareStoriesDbContext db, List<string> ids, HashSet<string> wanted, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var heroes = Credits(db, ids);
        // The period's celebrations from their time index, "on a published story" as "not on one of the few
        // unpublished ones" (each celebration names a story that exists): joined to the published stories, SQLite
        // walked all 90,000 of them by the status index and probed each one's celebrations (52 → 16 ms of CPU
        // in the SQLite shell for a year at 100,000 stories).
        // The team's people are picked as the rows arrive: read into a list first, a whole company's year of credits
        // (some 15,000 rows) outlived several first-generation collections and was promoted to the GC's oldest
        // generation, its arrays on the large object heap, for a page that keeps a few hundred of them.
        var unpublished = InsightsReport.UnpublishedStoryIdsIn(db);
        var credited = new List<(int Id, string PersonId)>();
        await foreach (var x in db.Celebrations.AsNoTracking()
                           .Where(c => c.At >= period.Start && c.At < period.End && !unpublished.Contains(c.StoryId))
                           .Join(heroes, c => c.StoryId, h => h.StoryId, (c, h) => new { c.Id, h.PersonId })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (wanted.Contains(x.PersonId))
            {
                credited.Add((x.Id, x.PersonId));
            }
        }

        // The details of the team's celebrations only, by key, a thousand at a time (a whole company's year could
        // otherwise pass a database's limit on parameters).
        var details = new Dictionary<int, CelebrationDetail>();
        foreach (var chunk in credited.Select(x => x.Id).Distinct().Chunk(1000))
        {
            var chunkIds = chunk.ToList();
            foreach (var detail in await db.Celebrations.AsNoTracking()
                         .Where(c => chunkIds.Contains(c.Id))
                         .Join(db.Stories, c => c.StoryId, s => s.Id, (c, s) => new CelebrationDetail(c.Id, c.At, c.Badge.Name, c.Message, c.Celebrator.DisplayName, s.Title))
                         .ToListAsync(cancellationToken))
            {
                details[detail.Id] = detail;
            }
        }

        var celebrations = credited
            .Select(x => (Detail: details[x.Id], x.PersonId))
            .OrderBy(x => x.Detail.At).ThenBy(x => x.Detail.Id)
            .Select(x => new RecordCelebration(x.PersonId, x.Detail.Badge, x.Detail.Message, x.Detail.By, x.Detail.Title, x.Detail.At))
            .ToList();
        var fixesDone = await db.Fixes.AsNoTracking().DoneBetween(period.Start, period.End)
            .SelectMany(f => f.Credits)
            .Where(c => ids.Contains(c.PersonId))
            .GroupBy(c => c.PersonId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        return (celebrations, fixesDone);
    }

    /// <summary>The credits the record reads: everyone's on SQLite, these people's on PostgreSQL (see <see cref="ForPeopleAsync"/>).</summary>
    private static IQueryable<StoryHero> Credits(CareStoriesDbContext db, List<string> ids)
    {
        var heroes = db.Set<StoryHero>().AsNoTracking();
        return db.Dialect == SqlDialect.PostgreSQL ? heroes.Where(h => ids.Contains(h.PersonId)) : heroes;
    }

    /// <summary>
    /// Each person's spend on these stories, per currency, the company's currency first. Summed here, as the spend
    /// ledger does, so every total is the sum of amounts kept exactly as entered.
    /// </summary>
    private static async Task<Dictionary<string, IReadOnlyList<SpendTotal>>> SpendAsync(
        CareStoriesDbContext db, IQueryable<Story> stories, IQueryable<StoryHero> heroes, HashSet<string> wanted, CancellationToken cancellationToken)
    {
        var company = (await db.CurrentLimitsAsync(cancellationToken))?.Currency;
        // Picked as they arrive, as the celebrations are (a year's credits on every story with spend, for a few people).
        var lines = new List<(string PersonId, string Currency, decimal Amount)>();
        await foreach (var x in stories.Where(s => s.Spend != null)
                           .Join(heroes, s => s.Id, h => h.StoryId, (s, h) => new { h.PersonId, s.Spend!.Currency, s.Spend.Amount })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (wanted.Contains(x.PersonId))
            {
                lines.Add((x.PersonId, x.Currency, x.Amount));
            }
        }

        return lines.GroupBy(l => l.PersonId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<SpendTotal>)g.GroupBy(l => l.Currency, StringComparer.Ordinal)
                .Select(c => new SpendTotal(c.Key, c.Count(), c.Sum(l => l.Amount)))
                .OrderBy(t => t.Currency == company ? 0 : 1).ThenByDescending(t => t.Incidents).ThenBy(t => t.Currency, StringComparer.Ordinal)
                .ToList());
    }

    public static byte[] Csv(IEnumerable<TeamRecordRow> rows) => InsightsCsv.Write(csv =>
    {
        csv.WriteRecord(["Person", "Teams", "Stories credited", "Celebrations", "Badges", "Celebration messages", "Customer quotes", "Fixes done", "Spend on those stories"]);
        foreach (var row in rows)
        {
            csv.WriteField(row.Name);
            csv.WriteField(row.Teams);
            csv.WriteField(row.Stories.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Celebrations.Count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(string.Join("; ", row.Badges.Select(b => b.Count == 1 ? b.Badge : $"{b.Badge} ×{b.Count}")));
            csv.WriteField(string.Join(" | ", row.Celebrations.Select(c => $"{c.By}: {c.Message}")));
            csv.WriteField(row.Quotes.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.FixesDone.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Spend.Count == 0 ? "" : row.SpendText);
            csv.EndRecord();
        }
    });
}
