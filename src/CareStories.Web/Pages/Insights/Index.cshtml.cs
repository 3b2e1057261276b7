using CareStories.Domain.Insights;
using CareStories.Domain.Settings;

namespace CareStories.Web.Pages.Insights;

/// <summary>
/// Insights: who is and is not recognised, how care is spreading across both kinds of team, what is recognised
/// and by whom, and how fast reviews are, for a period, a team and a kind of team (all in the address).
/// </summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time, IConfiguration configuration, IServiceScopeFactory scopes)
    : InsightsPageModel(db, time, configuration)
{
    /// <summary>At most this many names in the "not recognised lately" invitation; a team filter shows the rest.</summary>
    public const int NotRecognisedShown = 30;

    public CoverageFigures? Coverage { get; private set; }

    public IReadOnlyList<TrendSeries> Trends { get; private set; } = [];

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public RecognitionFigures? Recognition { get; private set; }

    public ReviewFigures? Review { get; private set; }

    public IReadOnlyList<TeamReview> ReviewByTeam { get; private set; } = [];

    public IReadOnlyList<NotRecognisedPerson> NotRecognised { get; private set; } = [];

    public int NotRecognisedCount { get; private set; }

    public int NotRecognisedDays { get; private set; }

    public int ReviewOverdueDays { get; private set; }

    public SpendAndFixesFigures? SpendAndFixes { get; private set; }

    public int Published => Trends.FirstOrDefault(t => t.Metric == TrendMetric.Published)?.Total.Sum() ?? 0;

    public int Celebrations => Trends.FirstOrDefault(t => t.Metric == TrendMetric.Celebrations)?.Total.Sum() ?? 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["NavSection"] = "/Insights";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Period is null || Scope.IsEmpty)
        {
            return Page();
        }

        var settings = await Db.CompanySettings.CurrentAsync(cancellationToken);
        NotRecognisedDays = settings.NotRecognisedDays;
        ReviewOverdueDays = settings.ReviewOverdueDays;
        // About 30 grouped commands in two halves of similar cost, read side by side on two pooled contexts (a
        // DbContext runs one command at a time): a leader waits for the longer half, not for the sum. Task.Run, as
        // SQLite's "async" commands run synchronously and would otherwise run the halves one after the other. The
        // applause trend and the review waits, the costliest commands, go with the second half. Spend and fixes go
        // with the first for the whole company, whose review waits read every decision of the period (with spend in
        // the second, its year was about 270 against 410 ms of SQLite CPU in commands, and 830 against 1,560 ms on
        // PostgreSQL, on a busy machine), and with the second for a scope of teams, whose waits and applause cost
        // less than its first half's coverage, trends and recognition (see SpendInFirstHalf).
        await using var second = scopes.CreateAsyncScope();
        var report = new InsightsReport(Db, Scope, Period);
        var other = new InsightsReport(second.ServiceProvider.GetRequiredService<CareStoriesDbContext>(), Scope, Period);
        var now = Now;
        var today = Today;
        var spendFirst = SpendInFirstHalf(Scope);
        var later = TrendsInSecondHalf(Scope);
        var first = Task.Run(
            async () => (
                await report.CoverageAsync(cancellationToken),
                await report.TrendsAsync(Enum.GetValues<TrendMetric>().Except(later), cancellationToken),
                await report.RecognitionAsync(cancellationToken),
                spendFirst ? await report.SpendAndFixesAsync(today, cancellationToken) : null),
            cancellationToken);
        var rest = Task.Run(
            async () => (
                await other.TrendsAsync(later, cancellationToken),
                await other.ReviewAsync(now, ReviewOverdueDays, cancellationToken),
                await other.NotRecognisedAsync(now, NotRecognisedDays, NotRecognisedShown, cancellationToken),
                spendFirst ? null : await other.SpendAndFixesAsync(today, cancellationToken)),
            cancellationToken);
        await Task.WhenAll(first, rest);
        (Coverage, var trends, Recognition, var spendAndFixes) = await first;
        (var laterTrends, (Review, ReviewByTeam), (NotRecognised, NotRecognisedCount), var laterSpendAndFixes) = await rest;
        SpendAndFixes = spendAndFixes ?? laterSpendAndFixes;
        Trends = trends.Concat(laterTrends).OrderBy(t => t.Metric).ToList();
        Months = Period.Months();
        return Page();
    }

    /// <summary>The figures by team as CSV: what the tables on the page show, for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Period is null)
        {
            return BadRequest();
        }

        var settings = await Db.CompanySettings.CurrentAsync(cancellationToken);
        var report = new InsightsReport(Db, Scope, Period);
        var coverage = await report.CoverageAsync(cancellationToken);
        var (_, review) = await report.ReviewAsync(Now, settings.ReviewOverdueDays, cancellationToken);
        var spendAndFixes = await report.SpendAndFixesAsync(Today, cancellationToken);
        var rows = coverage.Teams.Select(t => new InsightsCsv.TeamRow(
            t.Team.Name,
            t.Team.Kind.Label(),
            t.People,
            t.Recognised,
            t.Stories,
            t.Celebrations,
            review.First(r => r.Team.Id == t.Team.Id).Figures,
            spendAndFixes.Teams.First(r => r.Team.Id == t.Team.Id)));
        var name = $"insights-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv";
        return File(InsightsCsv.Teams(rows, spendAndFixes.CompanyCurrency), InsightsCsv.ContentType, name);
    }

    /// <summary>
    /// Whether spend and fixes are read in the page's first half. For the whole company yes: its second half reads
    /// every decision of the period with its teams and every applauded story. For a scope of teams (a kind filter, a
    /// manager's teams) its second half is the lighter one, and the quiet runs of 3 December were faster with spend
    /// there: on SQLite the behind-the-scenes quarter 161 / 220 against 180 / 247 ms (p50 / p95) and a manager's year
    /// 182 / 213 against 198 / 228; on PostgreSQL the quarter's p95 was 316 ms before spend moved to the first half
    /// and 358 after.
    /// </summary>
    private static bool SpendInFirstHalf(InsightsScope scope) => scope.WholeCompany;

    /// <summary>
    /// The trends read in the page's second half: applause, the costliest, always; for the whole company the published
    /// trend too. Its first half (coverage, the other trends, recognition, spend and fixes) was still the longer once
    /// spend's totals were counted in one pass, by about 110-180 ms of SQLite CPU (about 630 against 500 on a busy
    /// machine) and more on PostgreSQL, and the published trend is about 40-60 ms of SQLite CPU and 100-230 ms of
    /// PostgreSQL's time for the year. A scope of teams is left as it was: its spend already goes with the second half.
    /// </summary>
    private static TrendMetric[] TrendsInSecondHalf(InsightsScope scope) =>
        scope.WholeCompany ? [TrendMetric.Applause, TrendMetric.Published] : [TrendMetric.Applause];

    /// <summary>Which fixes are overdue is decided by the UTC date, as on the fixes list, so a click through agrees.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public IReadOnlyList<ChartView> Charts => Coverage is null || Recognition is null || Review is null || SpendAndFixes is null
        ? []
        : InsightsCharts.For(this);
}
