using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

/// <summary>A reviewer's decision on a story and how long it had waited since it was last submitted, in whole hours.</summary>
public sealed class DecisionWait
{
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
        var waits = DecisionWaits();
        var overall = await (scope.WholeCompany ? waits : waits.Where(w => ScopedStories.Any(s => s.Id == w.StoryId)))
            .GroupBy(w => w.WaitHours)
            .Select(g => new WaitCount(0, g.Key, g.Count(), g.Sum(w => w.SentBack)))
            .ToListAsync(cancellationToken);
        var byTeam = await waits
            .Join(InScopeTeams(db.Set<StoryTeam>().AsNoTracking()), w => w.StoryId, t => t.StoryId, (w, t) => new { t.TeamId, w.WaitHours, w.SentBack })
            .GroupBy(w => new { w.TeamId, w.WaitHours })
            .Select(g => new WaitCount(g.Key.TeamId, g.Key.WaitHours, g.Count(), g.Sum(w => w.SentBack)))
            .ToListAsync(cancellationToken);

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
    /// The decisions made in the period, each with its wait since the submission it answered (the latest one before it).
    /// Written in SQL, once per database: SQLite stores instants as UTC ticks, so a wait is a subtraction of two
    /// integers; PostgreSQL stores <c>timestamptz</c>, so it is the seconds between them. Whole hours, rounded down, on
    /// both. EF Core composes the scope and the grouping onto it.
    /// </summary>
    public IQueryable<DecisionWait> DecisionWaits()
    {
        const int submitted = (int)StoryStatus.Submitted;
        const int sentBack = (int)StoryStatus.ChangesRequested;
        const int published = (int)StoryStatus.Published;
        var withoutReview = Story.PublishedWithoutReviewComment;
        if (db.Dialect == SqlDialect.PostgreSQL)
        {
            var from = period.Start.ToUniversalTime();
            var until = period.End.ToUniversalTime();
            return db.Database.SqlQuery<DecisionWait>($"""
                SELECT w."StoryId", w."SentBack", w."WaitHours" FROM (
                    SELECT d."StoryId" AS "StoryId",
                           CASE WHEN d."To" = {sentBack} THEN 1 ELSE 0 END AS "SentBack",
                           floor(extract(epoch FROM d."At" - (SELECT MAX(s."At") FROM "StoryStatusChanges" AS s
                                  WHERE s."StoryId" = d."StoryId" AND s."To" = {submitted} AND s."At" <= d."At")) / 3600)::bigint AS "WaitHours"
                    FROM "StoryStatusChanges" AS d
                    WHERE d."To" IN ({sentBack}, {published}) AND d."From" = {submitted}
                      AND d."At" >= {from} AND d."At" < {until}
                      AND (d."Comment" IS NULL OR d."Comment" <> {withoutReview})
                ) AS w
                WHERE w."WaitHours" IS NOT NULL
                """);
        }

        var start = period.Start.UtcTicks;
        var end = period.End.UtcTicks;
        const long ticksPerHour = TimeSpan.TicksPerHour;
        // A decision with no recorded submission before it (history written out of order) has no wait to count.
        // "LIMIT -1" (no limit) keeps SQLite from flattening the inner query into the grouping EF Core composes on
        // top, which copied the latest-submission subquery into the filter, the grouping and the result: three
        // lookups per decision instead of one.
        return db.Database.SqlQuery<DecisionWait>($"""
            SELECT w."StoryId", w."SentBack", w."WaitHours" FROM (
                SELECT d."StoryId" AS "StoryId",
                       CASE WHEN d."To" = {sentBack} THEN 1 ELSE 0 END AS "SentBack",
                       (d."At" - (SELECT MAX(s."At") FROM "StoryStatusChanges" AS s
                                  WHERE s."StoryId" = d."StoryId" AND s."To" = {submitted} AND s."At" <= d."At")) / {ticksPerHour} AS "WaitHours"
                FROM "StoryStatusChanges" AS d
                WHERE d."To" IN ({sentBack}, {published}) AND d."From" = {submitted}
                  AND d."At" >= {start} AND d."At" < {end}
                  AND (d."Comment" IS NULL OR d."Comment" <> {withoutReview})
                LIMIT -1
            ) AS w
            WHERE w."WaitHours" IS NOT NULL
            """);
    }
}
