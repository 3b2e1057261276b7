using CareStories.Domain.Data;
using CareStories.Domain.Insights;
using CareStories.Web.Tests.Feed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// On SQLite the whole company's submissions, review waits and spend lines are read from their indexes alone, never a
/// row of the table each: a year of them is some 31,000 submissions, 31,000 decisions and 6,000 stories with spend,
/// and each row read from the table was a lookup of its own (the stories' rows carry the texts). The figures
/// themselves are pinned by <see cref="InsightsWholeCompanyTests"/> and <see cref="InsightsSpendAndFixesTests"/>.
/// </summary>
public sealed class InsightsIndexOnlyReadTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [SqliteOnlyFact("it reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner picks by table statistics, so a small test table is read whole")]
    public async Task Submissions_review_waits_and_spend_lines_are_read_from_covering_indexes()
    {
        await InsightsWorld.MakeAsync(factory);
        var log = new SqlCommandLog();
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Delivery:Worker", "false").ConfigureServices(services =>
            services.ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(log))));
        await using var services = app.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync();
        var period = ReportingPeriod.Between(new DateOnly(2025, 11, 15), new DateOnly(2026, 2, 10), TimeZoneInfo.Utc);
        var report = new InsightsReport(db, new InsightsScope(teams, WholeCompany: true), period);

        log.Clear();
        await report.TrendsAsync([TrendMetric.Submitted], CancellationToken.None);
        await report.ReviewAsync(period.End, overdueDays: 7, CancellationToken.None);
        await report.SpendAndFixesAsync(new DateOnly(2026, 2, 10), CancellationToken.None);

        var submissions = Assert.Single(log.Commands, c => c.Text.Contains("FROM \"StoryStatusChanges\"", StringComparison.Ordinal) && !c.Text.Contains("WaitHours", StringComparison.Ordinal));
        var waits = Assert.Single(log.Commands, c => c.Text.Contains("WaitHours", StringComparison.Ordinal));
        var spendLines = Assert.Single(log.Commands, c => c.Text.Contains("\"StoryLatitudes\"", StringComparison.Ordinal));
        await AssertReadFromAsync(submissions, "USING COVERING INDEX IX_StoryStatusChanges_To_At_From_SubmittedAt_StoryId_Comment (To=? AND At>? AND At<?)");
        await AssertReadFromAsync(waits, "USING COVERING INDEX IX_StoryStatusChanges_To_At_From_SubmittedAt_StoryId_Comment (To=? AND At>? AND At<?)");
        await AssertReadFromAsync(spendLines, "USING COVERING INDEX IX_Stories_Status_OccurredOn_Spend (Status=? AND OccurredOn>? AND OccurredOn<?)");
    }

    private async Task AssertReadFromAsync(RecordedCommand command, string reading)
    {
        var plan = await FeedFactory.ExplainAsync(factory.ConnectionString, command);
        Assert.True(plan.Any(line => line.Contains(reading, StringComparison.Ordinal)), $"{string.Join('\n', plan)}\n{command.Text}");
    }
}
