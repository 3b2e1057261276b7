using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

public sealed partial class InsightsReport
{
    /// <summary>
    /// The five measures by calendar month, one grouped command each: stories submitted for review (first
    /// submissions, not resubmissions after a send-back), stories published (still published), celebrations and
    /// applause given on published stories, and customer thank-yous received through a link (for a team, or for a
    /// person: then for the teams the person is in now).
    /// </summary>
    public Task<IReadOnlyList<TrendSeries>> TrendsAsync(CancellationToken cancellationToken) =>
        TrendsAsync(Enum.GetValues<TrendMetric>(), cancellationToken);

    /// <summary>
    /// Some of the measures, in the order asked: the page reads applause, the costliest, beside the other measures
    /// on its second context.
    /// </summary>
    public async Task<IReadOnlyList<TrendSeries>> TrendsAsync(IEnumerable<TrendMetric> metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var series = new List<TrendSeries>();
        foreach (var metric in metrics)
        {
            series.Add(metric == TrendMetric.Applause
                ? await ApplauseTrendAsync(cancellationToken)
                : await TrendAsync(metric, TrendRows(metric), cancellationToken));
        }

        return series;
    }

    private IQueryable<TrendRow> TrendRows(TrendMetric metric)
    {
        var start = period.Start;
        var end = period.End;
        var cf = _customerFacingIds;
        var bts = _behindTheScenesIds;
        var cfLinks = KindLinks(TeamKind.CustomerFacing);
        var btsLinks = KindLinks(TeamKind.BehindTheScenes);
        var (fenced, none) = (FenceKindTests, 0);
        IQueryable<TrendRow> rows = metric switch
        {
            TrendMetric.Submitted => SubmissionsIn(start, end).Select(h => new TrendRow
            {
                At = h.At,
                CustomerFacing = fenced ? cfLinks.Where(t => t.StoryId == h.StoryId).Skip(none).Any() : cfLinks.Any(t => t.StoryId == h.StoryId),
                BehindTheScenes = fenced ? btsLinks.Where(t => t.StoryId == h.StoryId).Skip(none).Any() : btsLinks.Any(t => t.StoryId == h.StoryId),
            }),
            TrendMetric.Published => PublishedInPeriod.Select(s => new TrendRow
            {
                At = s.PublishedAt!.Value,
                CustomerFacing = fenced ? cfLinks.Where(t => t.StoryId == s.Id).Skip(none).Any() : cfLinks.Any(t => t.StoryId == s.Id),
                BehindTheScenes = fenced ? btsLinks.Where(t => t.StoryId == s.Id).Skip(none).Any() : btsLinks.Any(t => t.StoryId == s.Id),
            }),
            TrendMetric.Celebrations => CelebrationsInPeriod.Select(c => new TrendRow
            {
                At = c.At,
                CustomerFacing = fenced ? cfLinks.Where(t => t.StoryId == c.StoryId).Skip(none).Any() : cfLinks.Any(t => t.StoryId == c.StoryId),
                BehindTheScenes = fenced ? btsLinks.Where(t => t.StoryId == c.StoryId).Skip(none).Any() : btsLinks.Any(t => t.StoryId == c.StoryId),
            }),
            TrendMetric.CustomerThanks => ThanksRows(start, end, cf, bts),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Applause is counted per story: ApplauseTrendAsync."),
        };
        return rows;
    }

    /// <summary>
    /// The story-team links of the scope's teams of one kind. For the whole company that is every link of the kind,
    /// found by the kind each link carries (<see cref="StoryTeam.Kind"/>): each counted story is one seek of the
    /// (StoryId, Kind) index, with no lookup of the team's row (SQLite) and no list of the kind's team ids (PostgreSQL,
    /// which read the teams' kinds once per half to probe the links' key with them). For a scope of teams, the links
    /// of the scope's teams of the kind, by id. PostgreSQL runs the kind test once per counted row as a correlated
    /// subplan (it cannot turn an <c>EXISTS</c> inside a <c>CASE</c> or <c>FILTER</c> into a join); a join to the
    /// teams there was built afresh for each row (2.3 s for the applause trend of the benchmark's year).
    /// </summary>
    private IQueryable<StoryTeam> KindLinks(TeamKind kind)
    {
        var links = db.Set<StoryTeam>().AsNoTracking();
        if (scope.WholeCompany)
        {
            return links.Where(t => t.Kind == kind);
        }

        var ids = kind == TeamKind.CustomerFacing ? _customerFacingIds : _behindTheScenesIds;
        return links.Where(t => ids.Contains(t.TeamId));
    }

    /// <summary>
    /// Whether each counted row's kinds of team are tested with <c>OFFSET</c> in the test (PostgreSQL). Without it
    /// PostgreSQL may turn the test into a "hashed subplan": it reads every link of the kind (74,412 and 49,534 on the
    /// benchmark's data) into a hash table once per command, which it estimates cheaper than a probe of the links' key
    /// per row whenever the rows are fewer than a few thousand, and which took 140–200 ms against 12–16 ms for the
    /// probes for the 1,804 submissions of the whole company's 30 days (<c>EXPLAIN ANALYZE</c>). An <c>OFFSET</c>
    /// keeps PostgreSQL from rewriting an <c>EXISTS</c> that way; a year's rows were already probed. SQLite's text is
    /// unchanged.
    /// </summary>
    private bool FenceKindTests => db.Dialect == SqlDialect.PostgreSQL;

    /// <summary>
    /// First submissions in [start, end) of stories in the scope. For the whole company the stories table is not
    /// joined at all: the change names its story, and reading each story's row only to learn it exists cost a
    /// lookup into the largest table per submission. For a scope, the story's links are tested (<see cref="ScopeLinks"/>).
    /// </summary>
    private IQueryable<StoryStatusChange> SubmissionsIn(DateTimeOffset start, DateTimeOffset end)
    {
        var submissions = db.StoryStatusChanges.AsNoTracking()
            .Where(h => h.To == StoryStatus.Submitted && h.From != StoryStatus.ChangesRequested && h.At >= start && h.At < end);
        var links = ScopeLinks;
        return scope.WholeCompany ? submissions : submissions.Where(h => links.Any(t => t.StoryId == h.StoryId));
    }

    private IQueryable<TrendRow> ThanksRows(DateTimeOffset start, DateTimeOffset end, List<int> cf, List<int> bts)
    {
        var rows = db.CustomerThanks.AsNoTracking()
            .Where(t => t.ReceivedAt >= start && t.ReceivedAt < end)
            .Select(t => new TrendRow
            {
                At = t.ReceivedAt,
                CustomerFacing = t.TeamId != null
                    ? cf.Contains(t.TeamId.Value)
                    : db.TeamMemberships.Any(m => m.PersonId == t.PersonId && cf.Contains(m.TeamId)),
                BehindTheScenes = t.TeamId != null
                    ? bts.Contains(t.TeamId.Value)
                    : db.TeamMemberships.Any(m => m.PersonId == t.PersonId && bts.Contains(m.TeamId)),
            });
        return scope.WholeCompany ? rows : rows.Where(r => r.CustomerFacing || r.BehindTheScenes);
    }

    private sealed record MonthCount(int Month, int Total, int CustomerFacing, int BehindTheScenes);

    /// <summary>
    /// Applause is the most numerous thing counted (several per story), so it is counted per story and month first
    /// and each story's kinds of team are looked up once per story rather than once per applause.
    /// </summary>
    private async Task<TrendSeries> ApplauseTrendAsync(CancellationToken cancellationToken)
    {
        var boundaries = period.MonthBoundaries();
        var cfLinks = KindLinks(TeamKind.CustomerFacing);
        var btsLinks = KindLinks(TeamKind.BehindTheScenes);
        var (fenced, none) = (FenceKindTests, 0);
        var links = ScopeLinks;
        var unpublished = UnpublishedStoryIds;
        var perStory = db.Applause.AsNoTracking()
            .Where(a => a.At >= period.Start && a.At < period.End)
            .Select(MonthBuckets.StoryMonthOf<Applause>(a => a.StoryId, a => a.At, boundaries))
            .GroupBy(x => new { x.StoryId, x.Month })
            .Select(g => new { g.Key.StoryId, g.Key.Month, Count = g.Count() });
        var counts = await (scope.WholeCompany
                ? perStory.Where(x => !unpublished.Contains(x.StoryId))
                : perStory.Where(x => !unpublished.Contains(x.StoryId) && links.Any(t => t.StoryId == x.StoryId)))
            .Select(x => new
            {
                x.Month,
                x.Count,
                CustomerFacing = fenced ? cfLinks.Where(t => t.StoryId == x.StoryId).Skip(none).Any() : cfLinks.Any(t => t.StoryId == x.StoryId),
                BehindTheScenes = fenced ? btsLinks.Where(t => t.StoryId == x.StoryId).Skip(none).Any() : btsLinks.Any(t => t.StoryId == x.StoryId),
            })
            .GroupBy(x => x.Month)
            .Select(g => new MonthCount(
                g.Key,
                g.Sum(x => x.Count),
                g.Sum(x => x.CustomerFacing ? x.Count : 0),
                g.Sum(x => x.BehindTheScenes ? x.Count : 0)))
            .ToDictionaryAsync(c => c.Month, cancellationToken);
        return Series(TrendMetric.Applause, boundaries.Count - 1, counts);
    }

    private static TrendSeries Series(TrendMetric metric, int months, Dictionary<int, MonthCount> counts)
    {
        int[] Pick(Func<MonthCount, int> pick) =>
            Enumerable.Range(0, months).Select(m => counts.TryGetValue(m, out var c) ? pick(c) : 0).ToArray();
        return new TrendSeries(metric, Pick(c => c.Total), Pick(c => c.CustomerFacing), Pick(c => c.BehindTheScenes));
    }

    private async Task<TrendSeries> TrendAsync(TrendMetric metric, IQueryable<TrendRow> rows, CancellationToken cancellationToken)
    {
        var boundaries = period.MonthBoundaries();
        var months = boundaries.Count - 1;
        var counts = await rows.Select(MonthBuckets.Of(boundaries))
            .GroupBy(r => r.Month)
            .Select(g => new MonthCount(g.Key, g.Count(), g.Count(r => r.CustomerFacing), g.Count(r => r.BehindTheScenes)))
            .ToDictionaryAsync(c => c.Month, cancellationToken);
        return Series(metric, months, counts);
    }
}
