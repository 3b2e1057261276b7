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
/// </summary>
public sealed partial class InsightsReport(CareStoriesDbContext db, InsightsScope scope, ReportingPeriod period)
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

    public IQueryable<Story> PublishedInPeriod => ScopedStories.Where(s =>
        s.Status == StoryStatus.Published && s.PublishedAt >= period.Start && s.PublishedAt < period.End);

    /// <summary>Celebrations given in the period on stories in the scope that are still published.</summary>
    public IQueryable<Celebration> CelebrationsInPeriod
    {
        get
        {
            var stories = ScopedStories.Where(s => s.Status == StoryStatus.Published);
            return db.Celebrations.AsNoTracking()
                .Where(c => c.At >= period.Start && c.At < period.End && stories.Any(s => s.Id == c.StoryId));
        }
    }

    /// <summary>Active people in the scope's teams (everyone active for the whole company).</summary>
    public IQueryable<Person> ScopedPeople => scope.WholeCompany
        ? db.Users.AsNoTracking().Where(p => p.DeactivatedAt == null)
        : db.Users.AsNoTracking().Where(p => p.DeactivatedAt == null && p.Memberships.Any(m => _teamIds.Contains(m.TeamId)));

    /// <summary>The people recognised in [from, to): credited in a story published then, or in a published story celebrated then.</summary>
    public IQueryable<string> RecognisedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var publishedStories = db.Stories.Where(s => s.Status == StoryStatus.Published);
        var published = publishedStories
            .Where(s => s.PublishedAt >= from && s.PublishedAt < to)
            .SelectMany(s => s.Heroes.Select(h => h.PersonId));
        var celebrated = db.Celebrations
            .Where(c => c.At >= from && c.At < to)
            .Join(publishedStories, c => c.StoryId, s => s.Id, (c, s) => s)
            .SelectMany(s => s.Heroes.Select(h => h.PersonId));
        return published.Concat(celebrated);
    }

    public async Task<CoverageFigures> CoverageAsync(CancellationToken cancellationToken)
    {
        var recognised = RecognisedBetween(period.Start, period.End);
        var people = await ScopedPeople.CountAsync(cancellationToken);
        var recognisedPeople = await ScopedPeople.CountAsync(p => recognised.Contains(p.Id), cancellationToken);

        var members = db.TeamMemberships.AsNoTracking()
            .Where(m => _teamIds.Contains(m.TeamId) && m.Person.DeactivatedAt == null);
        var peopleByTeam = await members.GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var recognisedByTeam = await members.Where(m => recognised.Contains(m.PersonId)).GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var publishedStories = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
        var storiesByTeam = await publishedStories
            .Where(s => s.PublishedAt >= period.Start && s.PublishedAt < period.End)
            .SelectMany(s => s.Teams)
            .Where(t => _teamIds.Contains(t.TeamId))
            .GroupBy(t => t.TeamId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var celebrationsByTeam = await db.Celebrations.AsNoTracking()
            .Where(c => c.At >= period.Start && c.At < period.End)
            .Join(publishedStories, c => c.StoryId, s => s.Id, (c, s) => s)
            .SelectMany(s => s.Teams)
            .Where(t => _teamIds.Contains(t.TeamId))
            .GroupBy(t => t.TeamId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

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
}
