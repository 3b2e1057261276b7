using CareStories.Domain.Insights;
using CareStories.Domain.Settings;

namespace CareStories.Web.Pages.Insights;

/// <summary>
/// Insights: who is and is not recognised, how care is spreading across both kinds of team, what is recognised
/// and by whom, and how fast reviews are, for a period, a team and a kind of team (all in the address).
/// </summary>
public sealed class IndexModel(
    CareStoriesDbContext db, TimeProvider time, IConfiguration configuration, IServiceScopeFactory scopes, KeptMonths keptMonths)
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
        // About 30 grouped commands in three parts, read side by side on three pooled contexts (a DbContext runs one
        // command at a time): a leader waits for the longest part, not for the sum. Task.Run, as SQLite's "async"
        // commands run synchronously and would otherwise run the parts one after the other. What can be counted month
        // by month (trends, review waits, coverage, what is recognised) comes from memory for the months already over
        // while nothing changed them (KeptMonths: one small command reads their stamp first), and then only the month
        // under way is read for it; spend and fixes and who has not been recognised lately are read whole. When the
        // months over are not kept (the first page after a change to one) the trends and review waits are the costliest
        // commands, so the parts are cut to be even either way: coverage, most trends, and spend and fixes; what is
        // recognised and who has not been recognised; the applause trend (and, for the whole company, the published
        // trend) with the review waits. See docs/performance.md.
        var kept = await keptMonths.ForAsync(Db, cancellationToken);
        await using var second = scopes.CreateAsyncScope();
        await using var third = scopes.CreateAsyncScope();
        var report = new InsightsReport(Db, Scope, Period, kept);
        var middle = new InsightsReport(second.ServiceProvider.GetRequiredService<CareStoriesDbContext>(), Scope, Period, kept);
        var other = new InsightsReport(third.ServiceProvider.GetRequiredService<CareStoriesDbContext>(), Scope, Period, kept);
        var now = Now;
        var today = Today;
        var later = TrendsInThirdPart(Scope);
        var first = Task.Run(
            async () => (
                await report.CoverageAsync(cancellationToken),
                await report.TrendsAsync(Enum.GetValues<TrendMetric>().Except(later), cancellationToken),
                await report.SpendAndFixesAsync(today, cancellationToken)),
            cancellationToken);
        var between = Task.Run(
            async () => (
                await middle.RecognitionAsync(cancellationToken),
                await middle.NotRecognisedAsync(now, NotRecognisedDays, NotRecognisedShown, cancellationToken)),
            cancellationToken);
        var rest = Task.Run(
            async () => (
                await other.TrendsAsync(later, cancellationToken),
                await other.ReviewAsync(now, ReviewOverdueDays, cancellationToken)),
            cancellationToken);
        await Task.WhenAll(first, between, rest);
        (Coverage, var trends, SpendAndFixes) = await first;
        (Recognition, (NotRecognised, NotRecognisedCount)) = await between;
        (var laterTrends, (Review, ReviewByTeam)) = await rest;
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
        var report = new InsightsReport(Db, Scope, Period, await keptMonths.ForAsync(Db, cancellationToken));
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
    /// The trends read in the page's third part, beside the review waits: applause, the costliest, always; for the
    /// whole company the published trend too (about 40-60 ms of SQLite CPU and 100-230 ms of PostgreSQL's time for the
    /// year when not kept), as the whole company's coverage in the first part is the costliest of the scopes'.
    /// </summary>
    private static TrendMetric[] TrendsInThirdPart(InsightsScope scope) =>
        scope.WholeCompany ? [TrendMetric.Applause, TrendMetric.Published] : [TrendMetric.Applause];

    /// <summary>Which fixes are overdue is decided by the UTC date, as on the fixes list, so a click through agrees.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public IReadOnlyList<ChartView> Charts => Coverage is null || Recognition is null || Review is null || SpendAndFixes is null
        ? []
        : InsightsCharts.For(this);
}
