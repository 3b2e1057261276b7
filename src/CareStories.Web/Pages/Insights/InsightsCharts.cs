using System.Globalization;
using CareStories.Domain.Insights;
using CareStories.Domain.Permission;

namespace CareStories.Web.Pages.Insights;

/// <summary>The Insights page's charts, each with its summary sentence written from the same numbers.</summary>
public static class InsightsCharts
{
    public const string CoverageId = "chart-coverage";
    public const string SharesId = "chart-shares";
    public const string ValuesId = "chart-values";
    public const string BadgesId = "chart-badges";
    public const string ReviewId = "chart-review";
    public const string SpendId = "chart-spend";
    public const string FixesId = "chart-fixes";

    public static string TrendId(TrendMetric metric) => "chart-trend-" + metric.ToString().ToLowerInvariant();

    public static IReadOnlyList<ChartView> For(IndexModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var charts = new List<ChartView> { Coverage(page.Coverage!), Shares(page.Coverage!) };
        charts.AddRange(page.Trends.Select(t => Trend(t, page.Months)));
        charts.Add(Tallies(ValuesId, "Values the published stories show", "value", "stories", page.Recognition!.Values));
        charts.Add(Tallies(BadgesId, "Badges given", "badge", "celebrations", page.Recognition.Badges));
        charts.Add(Review(page.ReviewByTeam));
        charts.Add(Spend(page.SpendAndFixes!));
        charts.Add(Fixes(page.SpendAndFixes!));
        return charts;
    }

    public static ChartView Get(IndexModel page, string id) => For(page).First(c => c.Id == id);

    private static ChartView Coverage(CoverageFigures coverage)
    {
        var teams = coverage.Teams;
        var shares = teams.Select(t => t.People == 0 ? 0 : (double)t.Recognised / t.People).ToList();
        var summary = teams.Count == 0
            ? "There are no teams to show."
            : $"{coverage.Recognised:N0} of {coverage.People:N0} people were recognised in the period; " +
              $"{Lowest(teams, t => t.People == 0 ? 1 : (double)t.Recognised / t.People)} had the smallest share.";
        return new ChartView(CoverageId, "Share of each team's people recognised", summary, "bar", "Team",
            teams.Select(t => t.Team.Name).ToList(),
            [new("Recognised", shares)], Percent: true);
    }

    private static ChartView Shares(CoverageFigures coverage)
    {
        var kinds = coverage.Kinds;
        static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
        var behind = kinds.FirstOrDefault(k => k.Kind == TeamKind.BehindTheScenes);
        var summary = behind is null
            ? "Only one kind of team is in view, so there is nothing to compare."
            : $"Behind-the-scenes teams hold {Pct(Share(behind.People, coverage.TotalPeopleCredits))} of the people, " +
              $"{Pct(Share(behind.Stories, coverage.TotalStoryCredits))} of the stories and " +
              $"{Pct(Share(behind.Celebrations, coverage.TotalCelebrationCredits))} of the celebrations.";
        return new ChartView(SharesId, "Each kind of team's share of people, stories and celebrations", summary, "bar", "Kind of team",
            kinds.Select(k => k.Kind.Label()).ToList(),
            [
                new("People", kinds.Select(k => Share(k.People, coverage.TotalPeopleCredits)).ToList()),
                new("Stories", kinds.Select(k => Share(k.Stories, coverage.TotalStoryCredits)).ToList()),
                new("Celebrations", kinds.Select(k => Share(k.Celebrations, coverage.TotalCelebrationCredits)).ToList()),
            ],
            Percent: true);
    }

    private static ChartView Trend(TrendSeries series, IReadOnlyList<DateOnly> months)
    {
        var labels = months.Select(m => m.ToString("MMM yyyy", CultureInfo.InvariantCulture)).ToList();
        var total = series.Total.Sum();
        var busiest = total == 0 ? -1 : series.Total.ToList().IndexOf(series.Total.Max());
        var summary = total == 0
            ? $"None in the period ({series.Metric.Label().ToLowerInvariant()})."
            : $"{total:N0} in all: {series.CustomerFacing.Sum():N0} for customer-facing teams and " +
              $"{series.BehindTheScenes.Sum():N0} for behind-the-scenes teams; the busiest month was {labels[busiest]}.";
        return new ChartView(TrendId(series.Metric), series.Metric.Label() + " by month", summary, "line", "Month", labels,
            [
                new("Customer-facing", series.CustomerFacing.Select(v => (double)v).ToList()),
                new("Behind the scenes", series.BehindTheScenes.Select(v => (double)v).ToList()),
                new("All teams", series.Total.Select(v => (double)v).ToList()),
            ]);
    }

    private static ChartView Tallies(string id, string title, string thing, string unit, IReadOnlyList<Tally> tallies)
    {
        var summary = tallies.Count == 0
            ? $"No {unit} in the period."
            : $"The most common {thing} was {tallies[0].Name} ({tallies[0].Count:N0} {unit}), of {tallies.Count:N0} in all.";
        return new ChartView(id, title, summary, "bar", char.ToUpperInvariant(thing[0]) + thing[1..],
            tallies.Select(t => t.Name).ToList(), [new(char.ToUpperInvariant(unit[0]) + unit[1..], tallies.Select(t => (double)t.Count).ToList())]);
    }

    private static ChartView Review(IReadOnlyList<TeamReview> teams)
    {
        var decided = teams.Where(t => t.Figures.Decisions > 0).ToList();
        var summary = decided.Count == 0
            ? "No story was published or sent back by a reviewer in the period."
            : $"{Lowest(decided, t => -(t.Figures.MedianHours ?? 0))} waited longest for a decision, a median of " +
              $"{InsightsPageModel.Hours(decided.Max(t => t.Figures.MedianHours))}.";
        return new ChartView(ReviewId, "Hours waited for a decision, by team", summary, "bar", "Team",
            teams.Select(t => t.Team.Name).ToList(),
            [
                new("Median", teams.Select(t => (double)(t.Figures.MedianHours ?? 0)).ToList()),
                new("90th percentile", teams.Select(t => (double)(t.Figures.Percentile90Hours ?? 0)).ToList()),
            ]);
    }

    /// <summary>
    /// How each team's incidents spread over the bands of the limit they were saved with: a count, so currencies never
    /// mix. Over the limit comes last, in the palette's warning colour.
    /// </summary>
    private static ChartView Spend(SpendAndFixesFigures figures)
    {
        var teams = figures.Teams;
        var over = figures.Bands.First(b => b.Band == SpendBand.OverLimit).Incidents;
        var summary = figures.Incidents == 0
            ? "No story in the period recorded a spend."
            : $"{figures.Incidents:N0} {(figures.Incidents == 1 ? "incident" : "incidents")} recorded a spend; " +
              (over == 0 ? "none went over its limit." : $"{over:N0} went over the limit, {Most(teams, t => Count(t, SpendBand.OverLimit))}.");
        SpendBand[] bands = [SpendBand.UnderTenPercent, SpendBand.TenToFiftyPercent, SpendBand.FiftyToHundredPercent, SpendBand.NotCompared, SpendBand.OverLimit];
        return new ChartView(SpendId, "Incidents by share of their limit, by team", summary, "bar", "Team",
            teams.Select(t => t.Team.Name).ToList(),
            bands.Select(b => new ChartSeries(ShortLabel(b), teams.Select(t => (double)Count(t, b)).ToList())).ToList(),
            Stacked: true);
    }

    private static int Count(TeamSpendAndFixes team, SpendBand band) => team.Bands.First(b => b.Band == band).Incidents;

    private static string ShortLabel(SpendBand band) => band switch
    {
        SpendBand.UnderTenPercent => "Under 10 %",
        SpendBand.TenToFiftyPercent => "10–50 %",
        SpendBand.FiftyToHundredPercent => "50–100 %",
        SpendBand.OverLimit => "Over the limit",
        _ => "Not compared",
    };

    private static ChartView Fixes(SpendAndFixesFigures figures)
    {
        var teams = figures.Teams;
        var fixes = figures.Fixes;
        var summary = fixes == FixFigures.None
            ? "No fix was raised or done in the period, and none is open."
            : $"{fixes.Done:N0} done and {fixes.Raised:N0} raised in the period; {fixes.Open:N0} open now, " +
              (fixes.Overdue == 0 ? "none overdue." : $"{fixes.Overdue:N0} overdue, {Most(teams, t => t.Fixes.Overdue)}.");
        return new ChartView(FixesId, "Fixes by team", summary, "bar", "Team",
            teams.Select(t => t.Team.Name).ToList(),
            [
                new("Raised in the period", teams.Select(t => (double)t.Fixes.Raised).ToList()),
                new("Done in the period", teams.Select(t => (double)t.Fixes.Done).ToList()),
                new("Open now", teams.Select(t => (double)t.Fixes.Open).ToList()),
                new("Overdue now", teams.Select(t => (double)t.Fixes.Overdue).ToList()),
            ]);
    }

    /// <summary>"all in Billing", "the most in Billing (3)", "the most in Billing and IT Operations (2 each)".</summary>
    private static string Most(IReadOnlyList<TeamSpendAndFixes> teams, Func<TeamSpendAndFixes, int> count)
    {
        var counted = teams.Where(t => count(t) > 0).ToList();
        if (counted.Count == 1)
        {
            return $"all in {counted[0].Team.Name}";
        }

        var most = counted.Max(count);
        var names = counted.Where(t => count(t) == most).Select(t => t.Team.Name).ToList();
        return names.Count == 1
            ? $"the most in {names[0]} ({most:N0})"
            : $"the most in {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]} ({most:N0} each)";
    }

    private static string Lowest<T>(IReadOnlyList<T> teams, Func<T, double> measure)
        where T : notnull => teams.OrderBy(measure).ThenBy(t => t.ToString(), StringComparer.Ordinal).Select(Name).First();

    private static string Name<T>(T row) => row switch
    {
        TeamCoverage c => c.Team.Name,
        TeamReview r => r.Team.Name,
        _ => row!.ToString()!,
    };

    private static string Pct(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
