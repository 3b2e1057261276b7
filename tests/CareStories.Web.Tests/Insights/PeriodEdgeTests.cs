using CareStories.Domain.Insights;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// Periods are whole days in the company's reporting time zone: the first day's midnight counts, the midnight
/// after the last day does not, and a story published late on the last evening of a month in New York belongs to
/// that month in New York time but to the next in UTC.
/// </summary>
public sealed class PeriodEdgeTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private async Task<InsightsScope> StoriesPublishedAtAsync(params DateTimeOffset[] instants)
    {
        var author = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var team = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [author]);
        foreach (var at in instants)
        {
            await factory.Data.StoryAsync(author, team, s =>
            {
                s.Submit(author.Id, at.AddHours(-1));
                s.Publish(reviewer.Id, at);
            });
        }

        var name = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());
        return new InsightsScope([new ScopeTeam(team, name, TeamKind.BehindTheScenes)], WholeCompany: false);
    }

    private Task<TrendSeries> PublishedAsync(InsightsScope scope, ReportingPeriod period) =>
        InsightsWorld.ReportAsync(factory, scope, period, async r => (await r.TrendsAsync(CancellationToken.None)).Single(t => t.Metric == TrendMetric.Published));

    [Fact]
    public async Task Late_evening_in_New_York_counts_in_the_New_York_month_and_the_next_UTC_month()
    {
        // 31 January 2026, 23:30 in New York (UTC-5) is 1 February, 04:30 UTC.
        var lateEvening = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(-5));
        var scope = await StoriesPublishedAtAsync(lateEvening);

        var inNewYork = await PublishedAsync(scope, ReportingPeriod.Between(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28), NewYork));
        var inUtc = await PublishedAsync(scope, ReportingPeriod.Between(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28), TimeZoneInfo.Utc));

        Assert.Equal([1, 0], inNewYork.Total);
        Assert.Equal([0, 1], inUtc.Total);
        Assert.Equal([0, 1], inUtc.BehindTheScenes);
        Assert.Equal([0, 0], inUtc.CustomerFacing);
    }

    [Fact]
    public async Task A_period_includes_its_first_midnight_and_excludes_the_midnight_after_its_last_day()
    {
        var period = ReportingPeriod.Between(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), NewYork);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 5, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), period.End);
        var scope = await StoriesPublishedAtAsync(
            period.Start,                    // counts
            period.Start.AddTicks(-1),       // the evening before: out
            period.End.AddTicks(-1),         // the last instant: counts
            period.End);                     // the next day: out

        var published = await PublishedAsync(scope, period);
        var coverage = await InsightsWorld.ReportAsync(factory, scope, period, r => r.CoverageAsync(CancellationToken.None));

        Assert.Equal([2], published.Total);
        Assert.Equal(2, coverage.Teams.Single().Stories);
    }

    [Fact]
    public async Task Month_boundaries_follow_the_clock_change_in_the_company_zone()
    {
        // New York moves to summer time on 8 March 2026: March starts at 05:00 UTC, April at 04:00 UTC.
        var period = ReportingPeriod.Between(new DateOnly(2026, 2, 15), new DateOnly(2026, 4, 10), NewYork);
        Assert.Equal(
            [period.Start, new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 4, 0, 0, TimeSpan.Zero), period.End],
            period.MonthBoundaries());
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)], period.Months());
    }

    [Theory]
    [InlineData(PeriodChoice.Last30Days, "2026-02-09")]
    [InlineData(PeriodChoice.LastQuarter, "2025-12-11")]
    [InlineData(PeriodChoice.Last12Months, "2025-03-11")]
    public void Ready_made_periods_end_today_in_the_company_zone(PeriodChoice choice, string from)
    {
        var period = ReportingPeriod.Ending(choice, CareStoriesFactory.Start, TimeZoneInfo.Utc);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(new DateOnly(2026, 3, 10), period.To);
    }
}
