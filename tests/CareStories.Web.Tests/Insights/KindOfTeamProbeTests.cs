using CareStories.Domain.Data;
using CareStories.Domain.Insights;
using CareStories.Web.Tests.Feed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The trends test each counted row's kinds of team with an <c>OFFSET</c> on PostgreSQL, which keeps it from reading
/// every link of a kind into a hash table per command (140–210 ms for the benchmark's 30 days against 12–16 ms for a
/// probe per row); SQLite's text has none. The figures themselves are pinned by <see cref="InsightsWholeCompanyTests"/>.
/// </summary>
public sealed class KindOfTeamProbeTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Whole_company_trends_probe_each_rows_kinds_of_team_on_postgresql_only()
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
        Assert.All(kindTests, c => Assert.Equal(TestDatabase.IsPostgres, c.Text.Contains("OFFSET", StringComparison.Ordinal)));
    }
}
