using CareStories.Domain.Data;
using CareStories.Domain.Insights;
using CareStories.Web.Tests.Feed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The trends find each counted row's kinds of team with one probe of its story's links on PostgreSQL (the least and
/// greatest kind in one subquery, grouped on), where a test per kind was a probe per kind (the benchmark's year: the
/// submitted trend 61 → 40 ms in psql); SQLite keeps its two <c>EXISTS</c> tests, cheaper there than the aggregate. The
/// figures themselves are pinned by <see cref="InsightsWholeCompanyTests"/>.
/// </summary>
public sealed class KindOfTeamProbeTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Whole_company_trends_probe_each_rows_links_once_on_postgresql_and_once_per_kind_on_sqlite()
    {
        await InsightsWorld.MakeAsync(factory);
        var log = new SqlCommandLog();
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Delivery:Worker", "false").ConfigureServices(services =>
            services.ConfigureDbContext<CareStoriesDbContext>(options => options.AddInterceptors(log))));
        await using var services = app.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync();
        var period = ReportingPeriod.Between(new DateOnly(2025, 11, 15), new DateOnly(2026, 2, 10), TimeZoneInfo.Utc);

        log.Clear();
        await new InsightsReport(db, new InsightsScope(teams, WholeCompany: true), period).TrendsAsync(CancellationToken.None);

        var kindTests = log.Commands.Where(c => c.Text.Contains("\"StoryTeam\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, kindTests.Count);
        var probesPerRow = TestDatabase.IsPostgres ? 1 : 2;
        Assert.All(kindTests, c => Assert.Equal(probesPerRow, c.Text.Split("FROM \"StoryTeam\"").Length - 1));
    }
}
