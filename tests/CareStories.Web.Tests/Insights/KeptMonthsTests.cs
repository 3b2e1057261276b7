using System.Text.Json;
using CareStories.Domain.Data;
using CareStories.Domain.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The figures of the months already over (trends, review waits, coverage, what is recognised), kept in memory (<see cref="KeptMonths"/>): the same
/// figures as reading every month from the database, read from memory until something changes a month that is over,
/// and read again on the very next page after such a change, whichever save made it. The company is the generated
/// one (<see cref="InsightsWorld"/>); the period is the last 12 months up to the test clock's day (10 March 2026), so
/// its months up to February are over.
/// </summary>
public sealed class KeptMonthsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private InsightsWorld? _world;

    private async Task<InsightsScope> ScopeAsync() =>
        new((_world ??= await InsightsWorld.MakeAsync(factory)).Teams, WholeCompany: false);

    private ReportingPeriod Year => ReportingPeriod.Ending(PeriodChoice.Last12Months, factory.Clock.GetUtcNow(), TimeZoneInfo.Utc);

    private sealed record Figures(IReadOnlyList<int[]> Trends, ReviewFigures Review, IReadOnlyList<TeamReview> Teams, string Coverage, string Recognition)
    {
        /// <summary>A measure's months: all teams, then customer-facing, then behind-the-scenes.</summary>
        public int[] Of(TrendMetric metric) => Trends[(int)metric];

        /// <summary>A measure over the whole period, all teams.</summary>
        public int Total(TrendMetric metric) => Of(metric).Take(Of(metric).Length / 3).Sum();
    }

    /// <summary>The trends and review figures, with the months over from memory (<paramref name="kept"/>) or all read.</summary>
    private async Task<Figures> ReadAsync(InsightsScope scope, bool kept)
    {
        await using var services = factory.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var view = kept ? await factory.Services.GetRequiredService<KeptMonths>().ForAsync(db, CancellationToken.None) : null;
        var report = new InsightsReport(db, scope, Year, view);
        var trends = await report.TrendsAsync(CancellationToken.None);
        var (review, teams) = await report.ReviewAsync(factory.Clock.GetUtcNow(), 7, CancellationToken.None);
        var coverage = await report.CoverageAsync(CancellationToken.None);
        var recognition = await report.RecognitionAsync(CancellationToken.None);
        var series = trends.OrderBy(t => t.Metric)
            .Select(t => t.Total.Concat(t.CustomerFacing).Concat(t.BehindTheScenes).ToArray())
            .ToList();
        // Coverage and recognition compared whole, every list in order, as JSON.
        return new Figures(series, review, teams, JsonSerializer.Serialize(coverage), JsonSerializer.Serialize(recognition));
    }

    private static void AssertSame(Figures expected, Figures actual)
    {
        foreach (var metric in Enum.GetValues<TrendMetric>())
        {
            Assert.True(
                expected.Of(metric).SequenceEqual(actual.Of(metric)),
                $"{metric}: expected {string.Join(' ', expected.Of(metric))}, got {string.Join(' ', actual.Of(metric))}");
        }

        Assert.Equal(expected.Review, actual.Review);
        Assert.Equal(expected.Teams, actual.Teams);
        Assert.Equal(expected.Coverage, actual.Coverage);
        Assert.Equal(expected.Recognition, actual.Recognition);
    }

    /// <summary>Reads the figures with the months over kept, twice (the second from memory), and checks both against reading them all.</summary>
    private async Task<Figures> AssertKeptAgreeAsync(InsightsScope scope)
    {
        var all = await ReadAsync(scope, kept: false);
        AssertSame(all, await ReadAsync(scope, kept: true));
        AssertSame(all, await ReadAsync(scope, kept: true));
        return all;
    }

    private Task<long> StampAsync() => factory.WithDbAsync(db => InsightsHistory.CurrentAsync(db, CancellationToken.None));

    [Fact]
    public async Task Kept_months_give_the_same_figures_as_reading_every_month_for_teams_and_for_the_whole_company()
    {
        var scope = await ScopeAsync();
        var figures = await AssertKeptAgreeAsync(scope);
        Assert.True(figures.Total(TrendMetric.Published) > figures.Of(TrendMetric.Published)[Year.Months().Count - 1], "The generated months over should have publications.");
        Assert.True(figures.Review.Decisions > 0, "The generated months over should have decisions.");
        await AssertKeptAgreeAsync(new InsightsScope(scope.Teams, WholeCompany: true));
        await AssertKeptAgreeAsync(new InsightsScope([scope.Teams[0]], WholeCompany: false));
    }

    [Fact]
    public async Task Months_over_are_read_from_memory_until_a_save_changes_one()
    {
        var scope = await ScopeAsync();
        var before = await AssertKeptAgreeAsync(scope);

        // An applause of January taken away behind the app's back (no save, so no stamp): the kept months still
        // count it, which shows they are read from memory, while reading every month does not.
        var january = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var teamIds = scope.TeamIds.ToList();
        var removed = await factory.WithDbAsync(async db =>
        {
            var applause = await db.Applause
                .Where(a => a.At >= january && a.At < january.AddMonths(1) && db.Stories.Any(s => s.Id == a.StoryId && s.Status == StoryStatus.Published && s.Teams.Any(t => teamIds.Contains(t.TeamId))))
                .OrderBy(a => a.At).FirstAsync();
            return await db.Applause.Where(a => a.StoryId == applause.StoryId && a.PersonId == applause.PersonId).ExecuteDeleteAsync();
        });
        Assert.Equal(1, removed);
        var month = Year.Months().ToList().IndexOf(new DateOnly(2026, 1, 1));
        Assert.Equal(before.Of(TrendMetric.Applause)[month], (await ReadAsync(scope, kept: true)).Of(TrendMetric.Applause)[month]);
        Assert.Equal(before.Of(TrendMetric.Applause)[month] - 1, (await ReadAsync(scope, kept: false)).Of(TrendMetric.Applause)[month]);

        // Any save that changes a month over renews the stamp, and the next read counts every month over again.
        var stamp = await StampAsync();
        await factory.WithDbAsync(async db =>
        {
            var old = await db.Applause.Where(a => a.At < january && db.Stories.Any(s => s.Id == a.StoryId && s.Status == StoryStatus.Published)).OrderBy(a => a.At).FirstAsync();
            db.Applause.Remove(old);
            await db.SaveChangesAsync();
        });
        Assert.NotEqual(stamp, await StampAsync());
        await AssertKeptAgreeAsync(scope);
    }

    [Fact]
    public async Task Applause_and_a_decision_now_leave_the_months_over_kept_and_count_in_the_month_under_way()
    {
        var scope = await ScopeAsync();
        var before = await AssertKeptAgreeAsync(scope);
        var stamp = await StampAsync();
        var now = factory.Clock.GetUtcNow();
        var fan = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var teamIds = scope.TeamIds.ToList();
        await factory.WithDbAsync(async db =>
        {
            var published = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams)
                .Where(s => s.Status == StoryStatus.Published && s.Teams.Any(t => teamIds.Contains(t.TeamId)))
                .OrderBy(s => s.Id).FirstAsync();
            db.Applause.Add(Applause.Give(published.Facts(), fan.Id, now));
            var waiting = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History)
                .Where(s => s.Status == StoryStatus.Submitted && s.Teams.Any(t => teamIds.Contains(t.TeamId)))
                .OrderBy(s => s.Id).FirstAsync();
            waiting.Publish(reviewer.Id, now);
            await db.SaveChangesAsync();
        });

        Assert.Equal(stamp, await StampAsync());
        var after = await AssertKeptAgreeAsync(scope);
        var last = Year.Months().Count - 1;
        Assert.Equal(before.Of(TrendMetric.Applause)[last] + 1, after.Of(TrendMetric.Applause)[last]);
        Assert.Equal(before.Of(TrendMetric.Published)[last] + 1, after.Of(TrendMetric.Published)[last]);
        Assert.Equal(before.Review.Decisions + 1, after.Review.Decisions);
    }

    [Fact]
    public async Task A_story_withdrawn_leaves_the_months_over_and_published_again_brings_its_old_celebrations_back()
    {
        var scope = await ScopeAsync();
        var before = await AssertKeptAgreeAsync(scope);
        var teamIds = scope.TeamIds.ToList();
        var january = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var story = await factory.WithDbAsync(db => db.Stories
            .Where(s => s.Status == StoryStatus.Published && s.PublishedAt < january && s.Teams.Any(t => teamIds.Contains(t.TeamId))
                && db.Celebrations.Any(c => c.StoryId == s.Id && c.At < january))
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.AuthorId }).FirstAsync());
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);

        await ChangeStoryAsync(story.Id, s => s.Withdraw(story.AuthorId, factory.Clock.GetUtcNow()));
        var withdrawn = await AssertKeptAgreeAsync(scope);
        Assert.Equal(before.Total(TrendMetric.Published) - 1, withdrawn.Total(TrendMetric.Published));
        Assert.True(withdrawn.Total(TrendMetric.Celebrations) < before.Total(TrendMetric.Celebrations));

        // Reopened, submitted and published again today: its publication counts now, and its celebrations of
        // months over count again where they were, although nothing in this save is dated in those months.
        await ChangeStoryAsync(story.Id, s => s.Reopen(story.AuthorId, factory.Clock.GetUtcNow()));
        await AssertKeptAgreeAsync(scope);
        var stamp = await StampAsync();
        await ChangeStoryAsync(story.Id, s =>
        {
            s.Submit(story.AuthorId, factory.Clock.GetUtcNow());
            s.Publish(reviewer.Id, factory.Clock.GetUtcNow());
        });
        Assert.NotEqual(stamp, await StampAsync());
        var again = await AssertKeptAgreeAsync(scope);
        Assert.Equal(before.Total(TrendMetric.Celebrations), again.Total(TrendMetric.Celebrations));
    }

    [Fact]
    public async Task A_team_changing_kind_moves_its_months_over_to_the_other_kind()
    {
        var scope = await ScopeAsync();
        await AssertKeptAgreeAsync(new InsightsScope(scope.Teams, WholeCompany: true));
        var team = scope.Teams.First(t => t.Kind == TeamKind.CustomerFacing);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Teams.SingleAsync(t => t.Id == team.Id);
            row.Update(row.Name, TeamKind.BehindTheScenes, row.Description);
            await db.SaveChangesAsync();
        });

        // Whole company: the kind comes from the links, so the same scope's figures move.
        await AssertKeptAgreeAsync(new InsightsScope(scope.Teams, WholeCompany: true));
        // A scope of teams names each team's kind, so the changed team makes another scope.
        var changed = scope.Teams.Select(t => t.Id == team.Id ? t with { Kind = TeamKind.BehindTheScenes } : t).ToList();
        await AssertKeptAgreeAsync(new InsightsScope(changed, WholeCompany: false));
    }

    [Fact]
    public async Task History_written_for_months_over_renews_the_stamp_and_a_draft_does_not()
    {
        await ScopeAsync();
        var stamp = await StampAsync();
        var author = await factory.Data.PersonAsync();
        await factory.WithDbAsync(async db =>
        {
            var draft = new Story(author.Id, TestData.CompleteContent(TestData.Unique("Draft")), factory.Clock.GetUtcNow());
            draft.SetTeams([_world!.Teams[0].Id]);
            db.Stories.Add(draft);
            await db.SaveChangesAsync();
        });
        Assert.Equal(stamp, await StampAsync());

        // A celebration dated last month (as an import would write it) lands in a month over.
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        await factory.WithDbAsync(async db =>
        {
            var published = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams)
                .Where(s => s.Status == StoryStatus.Published).OrderBy(s => s.Id).FirstAsync();
            var badge = await db.Badges.FirstAsync();
            db.Celebrations.Add(Celebration.Give(published.Facts(), leader.Id, badge, "Well done.", factory.Clock.GetUtcNow().AddDays(-40)));
            await db.SaveChangesAsync();
        });
        Assert.NotEqual(stamp, await StampAsync());
    }

    [Fact]
    public async Task A_celebrator_renamed_shows_the_new_name_in_the_months_over_at_once()
    {
        var scope = await ScopeAsync();
        await AssertKeptAgreeAsync(scope);
        var stamp = await StampAsync();
        var teamIds = scope.TeamIds.ToList();
        var start = Year.Start;
        var celebrator = await factory.WithDbAsync(db => db.Celebrations
            .Where(c => c.At >= start && db.Stories.Any(s => s.Id == c.StoryId && s.Status == StoryStatus.Published && s.Teams.Any(t => teamIds.Contains(t.TeamId))))
            .OrderBy(c => c.At).Select(c => c.CelebratorId).FirstAsync());
        var renamed = TestData.Unique("Renamed");
        await factory.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(p => p.Id == celebrator);
            person.Rename(renamed, person.JobTitle);
            await db.SaveChangesAsync();
        });

        Assert.Equal(stamp, await StampAsync());
        await AssertKeptAgreeAsync(scope);
        await using var services = factory.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        var view = await factory.Services.GetRequiredService<KeptMonths>().ForAsync(db, CancellationToken.None);
        var recognition = await new InsightsReport(db, scope, Year, view).RecognitionAsync(CancellationToken.None);
        Assert.Contains(recognition.Celebrators, c => c.Name == renamed);
    }

    private Task ChangeStoryAsync(int id, Action<Story> change) => factory.WithDbAsync(async db =>
    {
        var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.Values).Include(s => s.History)
            .Include(s => s.Quotes).Include(s => s.Photos).AsSplitQuery().SingleAsync(s => s.Id == id);
        change(story);
        await db.SaveChangesAsync();
    });
}
