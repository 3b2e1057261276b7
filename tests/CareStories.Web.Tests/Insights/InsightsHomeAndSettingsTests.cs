using CareStories.Domain.Settings;

namespace CareStories.Web.Tests.Insights;

/// <summary>The leader's home page leads into Insights; a person's record shows the period totals; the admin sets N.</summary>
public sealed class InsightsHomeAndSettingsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Leader_home_page_shows_headline_figures_linking_into_insights_instead_of_their_own_story_tiles()
    {
        var hero = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [hero], managers: [manager]);
        var now = factory.Clock.GetUtcNow();
        await factory.Data.StoryAsync(hero, team, s =>
        {
            s.Submit(hero.Id, now.AddDays(-2));
            s.Publish(manager.Id, now.AddDays(-1));
        });
        var people = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.DeactivatedAt == null));
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);

        var home = await (await factory.SignInAsync(leader)).GetDocumentAsync("/");

        var tiles = home.QuerySelectorAll("[data-headline] a.stat").ToList();
        Assert.Equal(5, tiles.Count);
        Assert.All(tiles, t => Assert.StartsWith("/Insights", t.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal($"1 of {people + 1}", tiles[0].QuerySelector("strong")!.TextContent.Trim());
        Assert.Equal("1", tiles[1].QuerySelector("strong")!.TextContent.Trim());
        Assert.Null(home.QuerySelector("a.stat[href^='/Stories']"));

        var employeeHome = await (await factory.SignInAsync(hero)).GetDocumentAsync("/");
        Assert.Null(employeeHome.QuerySelector("[data-headline]"));
        Assert.NotNull(employeeHome.QuerySelector("a.stat[href^='/Stories']"));
    }

    [Fact]
    public async Task A_persons_record_shows_the_same_period_totals_as_the_team_record()
    {
        var hero = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [hero], managers: [manager]);
        var now = factory.Clock.GetUtcNow();
        await factory.Data.StoryAsync(hero, team, s =>
        {
            s.Submit(hero.Id, now.AddDays(-50));
            s.Publish(manager.Id, now.AddDays(-50));
        });
        var client = await factory.SignInAsync(manager);

        foreach (var (period, stories) in new[] { ("30-days", "0"), ("quarter", "1"), ("12-months", "1") })
        {
            var record = await client.GetDocumentAsync($"/People/{hero.Id}?period={period}");
            var totals = record.QuerySelectorAll("[data-period-totals] dd").Select(d => d.TextContent.Trim()).ToList();
            Assert.Equal(stories, totals[0]);
            Assert.Equal(stories, totals[2]);
            var teamRecord = await client.GetDocumentAsync($"/Insights/TeamRecord?period={period}");
            var row = teamRecord.QuerySelector($"tr[data-person='{hero.Id}']")!.QuerySelectorAll("td.text-end").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal([totals[0], totals[1], totals[2], totals[3], totals[4]], row);
        }
    }

    [Fact]
    public async Task Admin_sets_how_many_days_count_as_not_recognised_and_bad_input_is_explained()
    {
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var refused = await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.NotRecognisedDays"] = "three" });
        await refused.ShouldBeAsync(HttpStatusCode.OK);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal([$"Enter a number of days from 7 to {CompanySettings.MaxNotRecognisedDays:N0}."], page.FieldErrors("Input.NotRecognisedDays"));
        Assert.Equal("three", page.QuerySelector("#Input_NotRecognisedDays")!.GetAttribute("value"));

        await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.NotRecognisedDays"] = "45" }).ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal(45, (await factory.WithDbAsync(db => db.CompanySettings.CurrentAsync())).NotRecognisedDays);
    }
}
