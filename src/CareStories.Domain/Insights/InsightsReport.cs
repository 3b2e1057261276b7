using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>
/// Every Insights figure for one scope and period, each one grouped SQL over the indexed columns (nothing is loaded
/// row by row). The rules, in one place:
/// <list type="bullet">
/// <item>A story counts for the teams tagged on it; those cannot change once it is submitted, so they are its teams at
/// publication. Withdrawn stories count nowhere: their authors took them back.</item>
/// <item>A person counts for the teams they are in now, and is recognised in a period when they are credited in a
/// story published in it, or in a published story celebrated in it, whichever team that story was for. Someone who
/// moved teams brings their recognition with them.</item>
/// <item>Deactivated people are not counted among the people.</item>
/// </list>
/// Given <paramref name="kept"/>, the trends and review waits of the months already over are taken from memory where
/// kept there, and kept there when read (<see cref="KeptMonths"/>); without it every figure is read from the database.
/// </summary>
public sealed partial class InsightsReport(CareStoriesDbContext db, InsightsScope scope, ReportingPeriod period, KeptMonths.View? kept = null)
{
    private readonly List<int> _teamIds = scope.TeamIds.ToList();
    private readonly List<int> _customerFacingIds = scope.Teams.Where(t => t.Kind == TeamKind.CustomerFacing).Select(t => t.Id).ToList();
    private readonly List<int> _behindTheScenesIds = scope.Teams.Where(t => t.Kind == TeamKind.BehindTheScenes).Select(t => t.Id).ToList();

    public InsightsScope Scope => scope;

    public ReportingPeriod Period => period;

    /// <summary>Stories tagged with a team in the scope (every story for the whole company).</summary>
    public IQueryable<Story> ScopedStories => scope.WholeCompany
        ? db.Stories.AsNoTracking()
        : db.Stories.AsNoTracking().Where(s => s.Teams.Any(t => _teamIds.Contains(t.TeamId)));

    public IQueryable<Story> PublishedInPeriod => PublishedBetween(period.Start, period.End);

    /// <summary>Stories in the scope published in [from, to) and published still.</summary>
    private IQueryable<Story> PublishedBetween(DateTimeOffset from, DateTimeOffset to) => ScopedStories.Where(s =>
        s.Status == StoryStatus.Published && s.PublishedAt >= from && s.PublishedAt < to);

    /// <summary>Celebrations given in the period on stories in the scope that are still published.</summary>
    public IQueryable<Celebration> CelebrationsInPeriod => CelebrationsBetween(period.Start, period.End);

    /// <summary>Celebrations given in [from, to) on stories in the scope that are still published.</summary>
    private IQueryable<Celebration> CelebrationsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (scope.WholeCompany)
        {
            return CelebrationsOnPublished(from, to);
        }

        var unpublished = UnpublishedStoryIds;
        var links = ScopeLinks;
        return db.Celebrations.AsNoTracking().Where(c =>
            c.At >= from && c.At < to && !unpublished.Contains(c.StoryId) && links.Any(t => t.StoryId == c.StoryId));
    }

    /// <summary>
    /// The story-team links of the scope's teams (not for the whole company). "On a story in the scope" is "its
    /// story has one of these links", tested on the links' (story, team) key: through the stories table it was a
    /// lookup into the largest table for every celebration, applause or submission counted, only to learn the story
    /// exists (every one names a story that does): in the SQLite shell, a manager's year's submission trend 75 → 39 ms
    /// of CPU and applause trend 119 → 89.
    /// </summary>
    private IQueryable<StoryTeam> ScopeLinks => db.Set<StoryTeam>().AsNoTracking().Where(t => _teamIds.Contains(t.TeamId));

    private static readonly StoryStatus[] NotPublished = Enum.GetValues<StoryStatus>().Where(s => s != StoryStatus.Published).ToArray();

    /// <summary>
    /// The stories not published now (drafts, waiting, sent back, withdrawn, taken down): about one in ten, read from
    /// the status index once per command into a list the database keeps in memory. "On a story still published" is
    /// "not on one of these" (every celebration and applause names a story that exists), which spares a lookup into
    /// the stories table, the largest by far as its rows carry the texts, for every celebration or applause counted:
    /// 24 → 5 ms for a year's celebrations at 100,000 stories, more when those pages are not in SQLite's cache.
    /// </summary>
    private IQueryable<int> UnpublishedStoryIds => UnpublishedStoryIdsIn(db);

    /// <summary>The ids of the stories not published now, as <see cref="UnpublishedStoryIds"/> says: for the team record too.</summary>
    public static IQueryable<int> UnpublishedStoryIdsIn(CareStoriesDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Stories.Where(s => NotPublished.Contains(s.Status)).Select(s => s.Id);
    }

    /// <summary>Active people in the scope's teams (everyone active for the whole company).</summary>
    public IQueryable<Person> ScopedPeople => scope.WholeCompany
        ? db.Users.AsNoTracking().Where(p => p.DeactivatedAt == null)
        : db.Users.AsNoTracking().Where(p => p.DeactivatedAt == null && p.Memberships.Any(m => _teamIds.Contains(m.TeamId)));

    /// <summary>
    /// Celebrations given in [from, to) on stories that are still published, whatever their teams. Read from the
    /// celebrations' time index, each story's status checked by its key: joined the other way, SQLite (which has no
    /// statistics) walked every published story and probed its celebrations.
    /// </summary>
    private IQueryable<Celebration> CelebrationsOnPublished(DateTimeOffset from, DateTimeOffset to)
    {
        var unpublished = UnpublishedStoryIds;
        return db.Celebrations.AsNoTracking().Where(c => c.At >= from && c.At < to && !unpublished.Contains(c.StoryId));
    }

    /// <summary>The people recognised in [from, to): credited in a story published then, or in a published story celebrated then.</summary>
    public IQueryable<string> RecognisedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var heroes = db.Set<StoryHero>();
        var published = db.Stories
            .Where(s => s.Status == StoryStatus.Published && s.PublishedAt >= from && s.PublishedAt < to)
            .Join(heroes, s => s.Id, h => h.StoryId, (s, h) => h.PersonId);
        var celebrated = CelebrationsOnPublished(from, to)
            .Join(heroes, c => c.StoryId, h => h.StoryId, (c, h) => h.PersonId);
        return published.Concat(celebrated);
    }

    /// <summary>
    /// Story-team links counted by team: the list of ids is left out of the SQL unless the scope is one team, and the
    /// caller reads only the scope's teams from the result. For the whole company every team is in the scope (and a
    /// long <c>IN</c> list tempted SQLite to start from the team index and read every story of each team); for a few
    /// teams SQLite sought the links' (story, team) key once per listed team for every story counted, where one
    /// range of the key holds all of a story's teams (the behind-the-scenes quarter's celebrations by team 81 → 11 ms
    /// of CPU in the SQLite shell, its stories by team 21 → 7). One team is a single seek either way.
    /// </summary>
    private IQueryable<StoryTeam> InScopeTeams(IQueryable<StoryTeam> links) =>
        OneTeamAtMost ? links.Where(t => _teamIds.Contains(t.TeamId)) : links;

    /// <summary>A scope of one team (a manager's usual view; none only when empty): its links are one seek in SQL.</summary>
    private bool OneTeamAtMost => !scope.WholeCompany && _teamIds.Count <= 1;

    private static Task<Dictionary<int, int>> CountByTeamAsync(IQueryable<StoryTeam> links, CancellationToken cancellationToken) =>
        links.GroupBy(t => t.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    public async Task<CoverageFigures> CoverageAsync(CancellationToken cancellationToken)
    {
        var (recognised, storiesByTeam, celebrationsByTeam) = await KeptAsync("coverage", CoverageCountsAsync, CoverageCounts.Add, cancellationToken);
        var scopedPeople = await ScopedPeople.Select(p => p.Id).ToListAsync(cancellationToken);
        var members = await db.TeamMemberships.AsNoTracking()
            .Where(m => _teamIds.Contains(m.TeamId) && m.Person.DeactivatedAt == null)
            .Select(m => new { m.TeamId, m.PersonId })
            .ToListAsync(cancellationToken);
        var people = scopedPeople.Count;
        var recognisedPeople = scopedPeople.Count(recognised.Contains);
        var peopleByTeam = members.CountBy(m => m.TeamId).ToDictionary();
        var recognisedByTeam = members.Where(m => recognised.Contains(m.PersonId)).CountBy(m => m.TeamId).ToDictionary();

        var teams = scope.Teams
            .Select(t => new TeamCoverage(
                t,
                peopleByTeam.GetValueOrDefault(t.Id),
                recognisedByTeam.GetValueOrDefault(t.Id),
                storiesByTeam.GetValueOrDefault(t.Id),
                celebrationsByTeam.GetValueOrDefault(t.Id)))
            .OrderBy(t => t.Team.Name, StringComparer.CurrentCulture)
            .ToList();
        var kinds = Enum.GetValues<TeamKind>()
            .Where(kind => teams.Exists(t => t.Team.Kind == kind))
            .Select(kind => new KindShare(
                kind,
                teams.Where(t => t.Team.Kind == kind).Sum(t => t.People),
                teams.Where(t => t.Team.Kind == kind).Sum(t => t.Stories),
                teams.Where(t => t.Team.Kind == kind).Sum(t => t.Celebrations)))
            .ToList();
        return new CoverageFigures(people, recognisedPeople, teams, kinds);
    }

    /// <summary>
    /// Who was recognised in some months, and the scope's stories published and celebrations given then by team: what
    /// <see cref="KeptMonths"/> keeps. Months add up: the people as a union, the counts as sums.
    /// </summary>
    private sealed record CoverageCounts(HashSet<string> Recognised, Dictionary<int, int> StoriesByTeam, Dictionary<int, int> CelebrationsByTeam)
    {
        public static CoverageCounts Add(CoverageCounts a, CoverageCounts b) =>
            new([.. a.Recognised, .. b.Recognised], Sum(a.StoriesByTeam, b.StoriesByTeam), Sum(a.CelebrationsByTeam, b.CelebrationsByTeam));
    }

    private async Task<CoverageCounts> CoverageCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Who was recognised is read once (at most everyone in the company) and every count of people is made from
        // it, rather than running the same union of stories and celebrations under each count.
        var recognised = (await RecognisedBetween(from, to).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var links = db.Set<StoryTeam>().AsNoTracking();
        var storiesByTeam = await CountByTeamAsync(InScopeTeams(db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Published && s.PublishedAt >= from && s.PublishedAt < to)
            .Join(links, s => s.Id, t => t.StoryId, (s, t) => t)), cancellationToken);
        var celebrationsByTeam = await CountByTeamAsync(InScopeTeams(CelebrationsOnPublished(from, to)
            .Join(links, c => c.StoryId, t => t.StoryId, (c, t) => t)), cancellationToken);
        return new CoverageCounts(recognised, storiesByTeam, celebrationsByTeam);
    }
}
