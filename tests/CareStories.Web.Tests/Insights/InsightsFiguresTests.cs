using CareStories.Domain.Insights;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// Every Insights figure against a direct count: the generated company is loaded whole and counted in memory with
/// the rules written out plainly, then compared with what the grouped SQL says.
/// </summary>
public sealed class InsightsFiguresTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly ReportingPeriod Period = ReportingPeriod.Between(new DateOnly(2025, 11, 15), new DateOnly(2026, 2, 10), TimeZoneInfo.Utc);

    private sealed record Loaded(
        List<Story> Stories, List<Celebration> Celebrations, List<Applause> Applause, List<TeamMembership> Memberships, InsightsWorld World)
    {
        public HashSet<int> TeamIds => World.Teams.Select(t => t.Id).ToHashSet();

        public IEnumerable<Story> Scoped => Stories.Where(s => s.Teams.Any(t => TeamIds.Contains(t.TeamId)));

        public IEnumerable<Story> Published => Scoped.Where(s => s.Status == StoryStatus.Published && In(s.PublishedAt!.Value));

        public static bool In(DateTimeOffset at) => at >= Period.Start && at < Period.End;

        public bool IsKind(Story story, TeamKind kind) =>
            story.Teams.Any(t => World.Teams.Any(w => w.Id == t.TeamId && w.Kind == kind));
    }

    private async Task<Loaded> LoadAsync()
    {
        var world = await InsightsWorld.MakeAsync(factory);
        return await factory.WithDbAsync(async db => new Loaded(
            await db.Stories.AsNoTracking().Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History)
                .Include(s => s.Values).ThenInclude(v => v.Value).AsSplitQuery().ToListAsync(),
            await db.Celebrations.AsNoTracking().Include(c => c.Badge).ToListAsync(),
            await db.Applause.AsNoTracking().ToListAsync(),
            await db.TeamMemberships.AsNoTracking().ToListAsync(),
            world));
    }

    private InsightsScope ScopeOf(Loaded data) => new(data.World.Teams, WholeCompany: false);

    [Fact]
    public async Task Coverage_matches_a_direct_count_and_people_count_for_the_team_they_are_in_now()
    {
        var data = await LoadAsync();
        var coverage = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period, r => r.CoverageAsync(CancellationToken.None));

        var publishedEver = data.Stories.Where(s => s.Status == StoryStatus.Published).ToDictionary(s => s.Id);
        var recognised = publishedEver.Values.Where(s => Loaded.In(s.PublishedAt!.Value)).SelectMany(s => s.Heroes).Select(h => h.PersonId)
            .Concat(data.Celebrations.Where(c => Loaded.In(c.At) && publishedEver.ContainsKey(c.StoryId)).SelectMany(c => publishedEver[c.StoryId].Heroes).Select(h => h.PersonId))
            .ToHashSet();
        var people = data.Memberships.Where(m => data.TeamIds.Contains(m.TeamId)).Select(m => m.PersonId).ToHashSet();
        Assert.Equal(people.Count, coverage.People);
        Assert.Equal(people.Count(recognised.Contains), coverage.Recognised);
        Assert.True(coverage.Recognised > 0 && coverage.Recognised < coverage.People, "The generated data should have people both recognised and not.");

        foreach (var team in coverage.Teams)
        {
            var members = data.Memberships.Where(m => m.TeamId == team.Team.Id).Select(m => m.PersonId).ToList();
            Assert.Equal(members.Count, team.People);
            Assert.Equal(members.Count(recognised.Contains), team.Recognised);
            Assert.Equal(data.Published.Count(s => s.Teams.Any(t => t.TeamId == team.Team.Id)), team.Stories);
            Assert.Equal(
                data.Celebrations.Count(c => Loaded.In(c.At) && publishedEver.TryGetValue(c.StoryId, out var s) && s.Teams.Any(t => t.TeamId == team.Team.Id)),
                team.Celebrations);
        }

        // The person who moved counts among their new team's people, while the stories they were credited in
        // stay with the team tagged on them.
        Assert.Contains(data.Memberships, m => m.PersonId == data.World.Mover.Id && m.TeamId == data.World.MoverNewTeam);
        Assert.DoesNotContain(data.Memberships, m => m.PersonId == data.World.Mover.Id && m.TeamId == data.World.MoverOldTeam);
        var kinds = coverage.Kinds.ToDictionary(k => k.Kind);
        Assert.Equal(coverage.Teams.Where(t => t.Team.Kind == TeamKind.BehindTheScenes).Sum(t => t.Stories), kinds[TeamKind.BehindTheScenes].Stories);
        Assert.Equal(coverage.Teams.Sum(t => t.People), coverage.TotalPeopleCredits);
    }

    [Fact]
    public async Task Trends_match_a_direct_count_by_month_and_kind_of_team()
    {
        var data = await LoadAsync();
        var trends = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period, r => r.TrendsAsync(CancellationToken.None));
        var boundaries = Period.MonthBoundaries();
        int MonthOf(DateTimeOffset at) => Enumerable.Range(0, boundaries.Count - 1).Single(i => at >= boundaries[i] && at < boundaries[i + 1]);
        var publishedEver = data.Stories.Where(s => s.Status == StoryStatus.Published).ToDictionary(s => s.Id);
        var scoped = data.Scoped.ToDictionary(s => s.Id);

        var expected = new Dictionary<TrendMetric, List<(DateTimeOffset At, Story Story)>>
        {
            [TrendMetric.Submitted] = data.Scoped.SelectMany(s => s.History
                .Where(h => h.To == StoryStatus.Submitted && h.From != StoryStatus.ChangesRequested && Loaded.In(h.At))
                .Select(h => (h.At, s))).ToList(),
            [TrendMetric.Published] = data.Published.Select(s => (s.PublishedAt!.Value, s)).ToList(),
            [TrendMetric.Celebrations] = data.Celebrations.Where(c => Loaded.In(c.At) && publishedEver.ContainsKey(c.StoryId) && scoped.ContainsKey(c.StoryId))
                .Select(c => (c.At, scoped[c.StoryId])).ToList(),
            [TrendMetric.Applause] = data.Applause.Where(a => Loaded.In(a.At) && publishedEver.ContainsKey(a.StoryId) && scoped.ContainsKey(a.StoryId))
                .Select(a => (a.At, scoped[a.StoryId])).ToList(),
            [TrendMetric.CustomerThanks] = [],
        };

        Assert.Equal(4, boundaries.Count - 1);
        foreach (var series in trends)
        {
            var rows = expected[series.Metric];
            var months = Enumerable.Range(0, boundaries.Count - 1).ToList();
            Assert.Equal(months.Select(m => rows.Count(r => MonthOf(r.At) == m)), series.Total);
            Assert.Equal(months.Select(m => rows.Count(r => MonthOf(r.At) == m && data.IsKind(r.Story, TeamKind.CustomerFacing))), series.CustomerFacing);
            Assert.Equal(months.Select(m => rows.Count(r => MonthOf(r.At) == m && data.IsKind(r.Story, TeamKind.BehindTheScenes))), series.BehindTheScenes);
        }

        Assert.True(trends.Single(t => t.Metric == TrendMetric.Applause).Total.Sum() > 0);
    }

    [Fact]
    public async Task Trends_read_in_parts_as_the_page_does_equal_the_trends_read_together()
    {
        var data = await LoadAsync();
        TrendMetric[] applause = [TrendMetric.Applause];
        var together = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period, r => r.TrendsAsync(CancellationToken.None));
        var rest = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period,
            r => r.TrendsAsync(Enum.GetValues<TrendMetric>().Except(applause), CancellationToken.None));
        var applauseOnly = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period, r => r.TrendsAsync(applause, CancellationToken.None));

        Assert.Equal(applause, applauseOnly.Select(t => t.Metric));
        Assert.DoesNotContain(rest, t => t.Metric == TrendMetric.Applause);
        Assert.Equal(
            together.Select(t => (t.Metric, string.Join(',', t.Total), string.Join(',', t.CustomerFacing), string.Join(',', t.BehindTheScenes))),
            rest.Concat(applauseOnly).OrderBy(t => t.Metric)
                .Select(t => (t.Metric, string.Join(',', t.Total), string.Join(',', t.CustomerFacing), string.Join(',', t.BehindTheScenes))));
    }

    [Fact]
    public async Task What_is_recognised_and_by_whom_matches_a_direct_count()
    {
        var data = await LoadAsync();
        var figures = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period, r => r.RecognitionAsync(CancellationToken.None));
        var published = data.Published.ToList();
        var scopedPublished = data.Scoped.Where(s => s.Status == StoryStatus.Published).Select(s => s.Id).ToHashSet();

        var values = published.SelectMany(s => s.Values).GroupBy(v => v.Value.Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(values, figures.Values.ToDictionary(v => v.Name, v => v.Count));
        var badges = data.Celebrations.Where(c => Loaded.In(c.At) && scopedPublished.Contains(c.StoryId))
            .GroupBy(c => c.Badge.Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(badges, figures.Badges.ToDictionary(b => b.Name, b => b.Count));
        Assert.Equal(badges.Values.Sum(), figures.CelebrationsByLeaders);
        Assert.Equal(0, figures.CelebrationsByManagers);
        Assert.Equal(published.Count(s => s.Heroes.Any(h => h.PersonId == s.AuthorId)), figures.AboutOneself);
        Assert.Equal(published.Count(s => s.Heroes.All(h => h.PersonId != s.AuthorId)), figures.AboutAColleague);
    }

    [Fact]
    public async Task Review_health_matches_a_direct_count_of_waits_send_backs_and_overdue_stories()
    {
        var data = await LoadAsync();
        var now = factory.Clock.GetUtcNow();
        var (overall, teams) = await InsightsWorld.ReportAsync(factory, ScopeOf(data), Period, r => r.ReviewAsync(now, 3, CancellationToken.None));

        AssertReview(data.Scoped, overall, now);
        foreach (var team in teams)
        {
            AssertReview(data.Scoped.Where(s => s.Teams.Any(t => t.TeamId == team.Team.Id)), team.Figures, now);
        }

        Assert.True(overall.Decisions > 0 && overall.SentBack > 0, "The generated data should have decisions of both kinds.");
    }

    [Fact]
    public async Task Review_health_of_one_team_matches_a_direct_count_and_counts_its_stories_of_two_teams_once()
    {
        // A scope of one team reads only its decisions in SQL (a scope of several picks them out in memory).
        var data = await LoadAsync();
        var now = factory.Clock.GetUtcNow();
        var team = data.World.Teams[0];
        var (overall, teams) = await InsightsWorld.ReportAsync(
            factory, new InsightsScope([team], WholeCompany: false), Period, r => r.ReviewAsync(now, 3, CancellationToken.None));

        var stories = data.Stories.Where(s => s.Teams.Any(t => t.TeamId == team.Id)).ToList();
        Assert.Contains(stories, s => s.Teams.Count > 1 && s.History.Any(h => h.From == StoryStatus.Submitted && Loaded.In(h.At)));
        AssertReview(stories, overall, now);
        AssertReview(stories, Assert.Single(teams).Figures, now);
        Assert.True(overall.Decisions > 0, "The team should have decisions in the period.");
    }

    /// <summary>Review figures against the decisions on these stories, each decision once, counted plainly.</summary>
    private static void AssertReview(IEnumerable<Story> stories, ReviewFigures figures, DateTimeOffset now)
    {
        var decisions = stories
            .SelectMany(s => s.History
                .Where(h => h.From == StoryStatus.Submitted && h.To is StoryStatus.Published or StoryStatus.ChangesRequested && Loaded.In(h.At))
                .Select(h => (SentBack: h.To == StoryStatus.ChangesRequested,
                    Hours: (h.At - s.History.Where(x => x.To == StoryStatus.Submitted && x.At <= h.At).Max(x => x.At)).Ticks / TimeSpan.TicksPerHour)))
            .ToList();
        static int? Rank(List<long> waits, double share) =>
            waits.Count == 0 ? null : (int)waits.Order().ElementAt((int)Math.Ceiling(share * waits.Count) - 1);
        Assert.Equal(decisions.Count, figures.Decisions);
        Assert.Equal(decisions.Count(d => d.SentBack), figures.SentBack);
        Assert.Equal(Rank(decisions.Select(d => d.Hours).ToList(), 0.5), figures.MedianHours);
        Assert.Equal(Rank(decisions.Select(d => d.Hours).ToList(), 0.9), figures.Percentile90Hours);
        Assert.Equal(stories.Count(s => s.Status == StoryStatus.Submitted && s.SubmittedAt < now.AddDays(-3)), figures.Overdue);
    }
}
