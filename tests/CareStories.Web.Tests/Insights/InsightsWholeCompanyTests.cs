using CareStories.Domain.Insights;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The whole company's figures take shorter paths than a chosen set of teams (no list of team ids, kinds of team read
/// from the kind each story-team link carries, no join to the stories for submissions), and the last recognition of the people not
/// recognised lately is looked up in windows of time or person by person. Each path must give the figures the
/// direct counts in <see cref="InsightsFiguresTests"/> check for the other.
/// </summary>
public sealed class InsightsWholeCompanyTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private static readonly ReportingPeriod Period = ReportingPeriod.Between(new DateOnly(2025, 11, 15), new DateOnly(2026, 2, 10), TimeZoneInfo.Utc);

    [Fact]
    public async Task Whole_company_figures_by_team_and_kind_equal_those_of_every_team_chosen_one_by_one()
    {
        await InsightsWorld.MakeAsync(factory);
        var whole = await FiguresAsync(wholeCompany: true);
        Assert.Equal(await FiguresAsync(wholeCompany: false), whole);
        Assert.Contains("Published: ", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("Published: 0,0,0,0", whole, StringComparison.Ordinal);
    }

    /// <summary>
    /// The figures by team and kind for every team there is, read the whole company's way (the kind each story-team
    /// link carries) or as a chosen set of teams (the teams' own kinds): each team's kind is read afresh.
    /// </summary>
    private async Task<string> FiguresAsync(bool wholeCompany)
    {
        var teams = await factory.WithDbAsync(db => db.Teams.OrderBy(t => t.Name).Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync());
        var now = InsightsWorld.From.AddDays(200);
        return await InsightsWorld.ReportAsync(factory, new InsightsScope(teams, wholeCompany), Period, async report =>
        {
            var coverage = await report.CoverageAsync(CancellationToken.None);
            var trends = await report.TrendsAsync(CancellationToken.None);
            var (review, reviewByTeam) = await report.ReviewAsync(now, 7, CancellationToken.None);
            var spend = await report.SpendAndFixesAsync(DateOnly.FromDateTime(now.UtcDateTime), CancellationToken.None);
            return string.Join("\n", [
                .. coverage.Teams.Select(t => t.ToString()),
                .. coverage.Kinds.Select(k => k.ToString()),
                .. trends.Select(t => $"{t.Metric}: {string.Join(",", t.Total)} | {string.Join(",", t.CustomerFacing)} | {string.Join(",", t.BehindTheScenes)}"),
                review.ToString(),
                .. reviewByTeam.Select(r => r.ToString()),
                .. spend.Teams.Select(t => $"{t.Team.Id} {t.Spend.Count} {string.Join(",", t.Bands)} {t.Fixes}"),
            ]);
        });
    }

    [Fact]
    public async Task A_teams_kind_changed_by_an_admin_moves_its_stories_to_the_other_kind_on_the_next_read()
    {
        var world = await InsightsWorld.MakeAsync(factory, seed: 31);
        var moved = world.Teams.First(t => t.Kind == TeamKind.CustomerFacing);
        Assert.Empty(await factory.WithDbAsync(db => db.Set<StoryTeam>().Where(l => l.Kind != l.Team.Kind).ToListAsync()));
        var before = await FiguresAsync(wholeCompany: true);
        Assert.Equal(await FiguresAsync(wholeCompany: false), before);
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var response = await admin.SubmitFormAsync($"/Admin/Teams/Edit/{moved.Id}", new FormValues { ["Input.Kind"] = nameof(TeamKind.BehindTheScenes) });

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var links = await factory.WithDbAsync(db => db.Set<StoryTeam>().AsNoTracking().Where(l => l.TeamId == moved.Id).Select(l => l.Kind).ToListAsync());
        Assert.NotEmpty(links);
        Assert.All(links, kind => Assert.Equal(TeamKind.BehindTheScenes, kind));
        var after = await FiguresAsync(wholeCompany: true);
        Assert.NotEqual(before, after);
        Assert.Equal(await FiguresAsync(wholeCompany: false), after);
    }

    [Fact]
    public async Task Last_recognition_looked_up_in_windows_of_time_or_person_by_person_matches_a_direct_count()
    {
        await InsightsWorld.MakeAsync(factory, seed: 29);
        var teams = await factory.WithDbAsync(db => db.Teams.OrderBy(t => t.Name).Select(t => new ScopeTeam(t.Id, t.Name, t.Kind)).ToListAsync());
        var scope = new InsightsScope(teams, WholeCompany: true);
        // After the generated stories end, so every window is looked through and some people were recognised long ago.
        var now = InsightsWorld.From.AddDays(400);
        const int days = 120;

        var (byWindow, count) = await InsightsWorld.ReportAsync(factory, scope, Period, r => r.NotRecognisedAsync(now, days, 1000, CancellationToken.None, byPersonBelow: 0));
        var (byPerson, _) = await InsightsWorld.ReportAsync(factory, scope, Period, r => r.NotRecognisedAsync(now, days, 1000, CancellationToken.None, byPersonBelow: int.MaxValue));

        var expected = await factory.WithDbAsync(async db =>
        {
            var published = await db.Stories.AsNoTracking().Include(s => s.Heroes).Where(s => s.Status == StoryStatus.Published).ToListAsync();
            var byId = published.ToDictionary(s => s.Id);
            var celebrations = await db.Celebrations.AsNoTracking().ToListAsync();
            var moments = published.SelectMany(s => s.Heroes.Select(h => (h.PersonId, At: s.PublishedAt!.Value)))
                .Concat(celebrations.Where(c => byId.ContainsKey(c.StoryId)).SelectMany(c => byId[c.StoryId].Heroes.Select(h => (h.PersonId, c.At))))
                .ToList();
            var recent = moments.Where(m => m.At >= now.AddDays(-days)).Select(m => m.PersonId).ToHashSet();
            var people = await db.Users.AsNoTracking().Where(p => p.DeactivatedAt == null).Select(p => p.Id).ToListAsync();
            return people.Where(id => !recent.Contains(id)).ToDictionary(
                id => id,
                id => moments.Where(m => m.PersonId == id).Select(m => (DateTimeOffset?)m.At).Max());
        });

        Assert.Equal(expected.Count, count);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), byWindow.ToDictionary(p => p.Id, p => p.LastRecognisedAt).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(byPerson, byWindow);
        Assert.Contains(byWindow, p => p.LastRecognisedAt is null);
        Assert.True(byWindow.Select(p => p.LastRecognisedAt).OfType<DateTimeOffset>().Distinct().Count() > 5, "Several people should have been recognised at different times.");
    }
}
