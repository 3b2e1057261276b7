using System.Runtime.InteropServices;
using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>A reviewer's decision on a story and how long it had waited since it was last submitted, in whole hours.</summary>
public sealed class DecisionWait
{
    /// <summary>The decision's own row (a story can be sent back and later published: two decisions).</summary>
    public int Id { get; init; }

    public int StoryId { get; init; }

    public int SentBack { get; init; }

    public long WaitHours { get; init; }
}

public sealed partial class InsightsReport
{
    /// <summary>
    /// Review health: decisions (publish or send back by a reviewer; publishing on submission where the company
    /// needs no review is not a decision) made in the period, their waits, and the stories waiting now for longer
    /// than <paramref name="overdueDays"/>, for the scope and for each team.
    /// </summary>
    public async Task<(ReviewFigures Overall, IReadOnlyList<TeamReview> Teams)> ReviewAsync(
        DateTimeOffset now, int overdueDays, CancellationToken cancellationToken)
    {
        var (overall, byTeam) = await KeptWaitsAsync(cancellationToken);
        var cutoff = now.AddDays(-overdueDays);
        var overdueStories = ScopedStories.Where(s => s.Status == StoryStatus.Submitted && s.SubmittedAt < cutoff);
        var overdue = await overdueStories.CountAsync(cancellationToken);
        var overdueByTeam = await CountByTeamAsync(InScopeTeams(db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Submitted && s.SubmittedAt < cutoff)
            .Join(db.Set<StoryTeam>(), s => s.Id, t => t.StoryId, (s, t) => t)), cancellationToken);

        var teams = scope.Teams
            .Select(t => new TeamReview(t, Figures(byTeam.Where(w => w.TeamId == t.Id).ToList(), overdueByTeam.GetValueOrDefault(t.Id))))
            .OrderBy(t => t.Team.Name, StringComparer.CurrentCulture)
            .ToList();
        return (Figures(overall, overdue), teams);
    }

    private sealed record WaitCount(int TeamId, long WaitHours, int Decisions, int SentBack);

    /// <summary>The histograms of some months' waits, overall and by team: what <see cref="KeptMonths"/> keeps.</summary>
    private sealed record WaitHistograms(List<WaitCount> Overall, List<WaitCount> ByTeam);

    /// <summary>
    /// The period's waits as histograms, those of the months over kept (<see cref="KeptAsync"/>): histograms of
    /// disjoint months add up, as a decision falls in the month it was made.
    /// </summary>
    private Task<WaitHistograms> KeptWaitsAsync(CancellationToken cancellationToken) =>
        KeptAsync("review-waits", WaitsBetweenAsync, (a, b) => new WaitHistograms([.. a.Overall, .. b.Overall], [.. a.ByTeam, .. b.ByTeam]), cancellationToken);

    /// <summary>The waits of the decisions made in [from, to), as histograms.</summary>
    private Task<WaitHistograms> WaitsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The waits are read once with each decision's teams; the overall figures and each team's are counted from
        // those rows here.
        // For one team only its decisions are read, with its links: reading every decision of the company to keep a
        // manager's few here was most of a manager's year. For several teams every decision is read and the scope's
        // are picked out here, as with the counts by team (see InScopeTeams: SQLite seeks a list of ids one by one).
        var links = InScopeTeams(db.Set<StoryTeam>().AsNoTracking());
        var decisions = DecisionWaits(from, to);
        var waits = OneTeamAtMost ? decisions.Where(w => links.Any(t => t.StoryId == w.StoryId)) : decisions;
        var rows = waits
            .LeftJoin(links, w => w.StoryId, t => t.StoryId, (w, t) => new DecisionTeam
            {
                Id = w.Id,
                TeamId = t == null ? null : t.TeamId,
                SentBack = w.SentBack,
                WaitHours = w.WaitHours,
            })
            .AsAsyncEnumerable();
        return WaitHistogramsAsync(rows, cancellationToken);
    }

    /// <summary>A decision's wait with one of its story's teams (none when the story has no team).</summary>
    private sealed class DecisionTeam
    {
        public int Id { get; init; }

        public int? TeamId { get; init; }

        public int SentBack { get; init; }

        public long WaitHours { get; init; }
    }

    /// <summary>
    /// The scope's decisions once each (for the whole company every decision; otherwise those on a story tagged with
    /// one of the scope's teams), and each team's, as histograms of their waits. Counted as the rows arrive: a whole
    /// company's year is some 38,000 rows (a decision per team of its story), which read into a list first stayed
    /// alive across several of the GC's first-generation collections and so were promoted to its oldest generation,
    /// with the list's arrays on the large object heap, where they stayed until the next full collection.
    /// </summary>
    private async Task<WaitHistograms> WaitHistogramsAsync(
        IAsyncEnumerable<DecisionTeam> rows, CancellationToken cancellationToken)
    {
        var inScope = _teamIds.ToHashSet();
        // Which decisions the overall figures have counted, as bits in 64-bit words keyed by id / 64: a period's
        // decision ids lie close together, so the benchmark's year of 30,700 takes 1,500 words (36 KB), where
        // a HashSet<int> (DistinctBy's) grew arrays of 30,700 entries onto the large object heap.
        var counted = new Dictionary<int, ulong>();
        var overall = new Dictionary<long, (int Decisions, int SentBack)>();
        var byTeam = new Dictionary<(int TeamId, long WaitHours), (int Decisions, int SentBack)>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var scoped = row.TeamId is { } team && inScope.Contains(team);
            if (scoped)
            {
                var key = (row.TeamId!.Value, row.WaitHours);
                var (decisions, sentBack) = byTeam.GetValueOrDefault(key);
                byTeam[key] = (decisions + 1, sentBack + row.SentBack);
            }

            if ((scope.WholeCompany || scoped) && FirstTime(counted, row.Id))
            {
                var (decisions, sentBack) = overall.GetValueOrDefault(row.WaitHours);
                overall[row.WaitHours] = (decisions + 1, sentBack + row.SentBack);
            }
        }

        return new WaitHistograms(
            overall.Select(h => new WaitCount(0, h.Key, h.Value.Decisions, h.Value.SentBack)).ToList(),
            byTeam.Select(h => new WaitCount(h.Key.TeamId, h.Key.WaitHours, h.Value.Decisions, h.Value.SentBack)).ToList());
    }

    private static bool FirstTime(Dictionary<int, ulong> seen, int id)
    {
        ref var word = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, id >> 6, out _);
        var bit = 1UL << (id & 63);
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        return true;
    }

    private static ReviewFigures Figures(List<WaitCount> histogram, int overdue)
    {
        var decisions = histogram.Sum(h => h.Decisions);
        return new ReviewFigures(
            decisions,
            histogram.Sum(h => h.SentBack),
            Percentile(histogram, decisions, 0.5),
            Percentile(histogram, decisions, 0.9),
            overdue);
    }

    /// <summary>Nearest rank: the smallest wait that at least that share of the decisions did not exceed.</summary>
    private static int? Percentile(List<WaitCount> histogram, int total, double share)
    {
        if (total == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(share * total);
        var seen = 0;
        foreach (var bucket in histogram.GroupBy(h => h.WaitHours).OrderBy(g => g.Key))
        {
            seen += bucket.Sum(h => h.Decisions);
            if (seen >= rank)
            {
                return (int)bucket.Key;
            }
        }

        return null;
    }

    /// <summary>
    /// The decisions made in the period, each with its wait since the submission it answered (the latest one before it,
    /// which the decision's row records as <see cref="StoryStatusChange.SubmittedAt"/>). Written in SQL, once per
    /// database: SQLite stores instants as UTC ticks, so a wait is a subtraction of two integers; PostgreSQL stores
    /// <c>timestamptz</c>, so it is the seconds between them. Whole hours, rounded down, on both. EF Core composes the
    /// scope and the grouping onto it.
    /// </summary>
    public IQueryable<DecisionWait> DecisionWaits() => DecisionWaits(period.Start, period.End);

    /// <summary>The same, for the decisions made in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public IQueryable<DecisionWait> DecisionWaits(DateTimeOffset start, DateTimeOffset end)
    {
        const int submitted = (int)StoryStatus.Submitted;
        const int sentBack = (int)StoryStatus.ChangesRequested;
        const int published = (int)StoryStatus.Published;
        var withoutReview = Story.PublishedWithoutReviewComment;
        // A decision with no recorded submission at or before it (history written out of order) has no wait to count.
        // Until the decision carried its submission's instant, each wait was a lookup of the story's latest submission
        // per decision, about a fifth of the whole company's year (see docs/performance.md).
        if (db.Dialect == SqlDialect.PostgreSQL)
        {
            var from = start.ToUniversalTime();
            var until = end.ToUniversalTime();
            return db.Database.SqlQuery<DecisionWait>($"""
                SELECT d."Id" AS "Id", d."StoryId" AS "StoryId",
                       CASE WHEN d."To" = {sentBack} THEN 1 ELSE 0 END AS "SentBack",
                       floor(extract(epoch FROM d."At" - d."SubmittedAt") / 3600)::bigint AS "WaitHours"
                FROM "StoryStatusChanges" AS d
                WHERE d."To" IN ({sentBack}, {published}) AND d."From" = {submitted}
                  AND d."At" >= {from} AND d."At" < {until}
                  AND d."SubmittedAt" <= d."At"
                  AND (d."Comment" IS NULL OR d."Comment" <> {withoutReview})
                """);
        }

        var startTicks = start.UtcTicks;
        var endTicks = end.UtcTicks;
        const long ticksPerHour = TimeSpan.TicksPerHour;
        return db.Database.SqlQuery<DecisionWait>($"""
            SELECT d."Id" AS "Id", d."StoryId" AS "StoryId",
                   CASE WHEN d."To" = {sentBack} THEN 1 ELSE 0 END AS "SentBack",
                   (d."At" - d."SubmittedAt") / {ticksPerHour} AS "WaitHours"
            FROM "StoryStatusChanges" AS d
            WHERE d."To" IN ({sentBack}, {published}) AND d."From" = {submitted}
              AND d."At" >= {startTicks} AND d."At" < {endTicks}
              AND d."SubmittedAt" <= d."At"
              AND (d."Comment" IS NULL OR d."Comment" <> {withoutReview})
            """);
    }
}
