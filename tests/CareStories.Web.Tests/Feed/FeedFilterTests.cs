using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.Feed;

public sealed class FeedFilterTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    private readonly FeedArrange _arrange = new(factory);

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    [Fact]
    public async Task A_team_filter_shows_only_that_teams_stories()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var (other, otherTeam) = await _arrange.HeroInTeamAsync();
        var mine = await _arrange.PublishedAsync(hero, team, Now.AddHours(-2));
        await _arrange.PublishedAsync(other, otherTeam, Now.AddHours(-1));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        Assert.Equal([mine], page.AllIds());
        Assert.Equal(team.ToString(System.Globalization.CultureInfo.InvariantCulture), Selected(page, "team"));
    }

    [Fact]
    public async Task A_value_filter_shows_only_stories_showing_that_value()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var value = await factory.Data.ValueAsync();
        var showing = await _arrange.PublishedAsync(hero, team, Now.AddHours(-2), s => s.SetValues([value]));
        await _arrange.PublishedAsync(hero, team, Now.AddHours(-1));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?value={value}");

        Assert.Equal([showing], page.AllIds());
    }

    [Fact]
    public async Task A_badge_filter_shows_only_stories_celebrated_with_that_badge()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var star = await _arrange.BadgeAsync();
        var other = await _arrange.BadgeAsync(BadgeColour.Blue, "🚀");
        var starred = await _arrange.PublishedAsync(hero, team, Now.AddHours(-3), after: s => s.ThenCelebrate(manager.Id, star, "Brilliant.", Now));
        await _arrange.PublishedAsync(hero, team, Now.AddHours(-2), after: s => s.ThenCelebrate(manager.Id, other, "Fast!", Now));
        await _arrange.PublishedAsync(hero, team, Now.AddHours(-1));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?badge={star.Id}");

        Assert.Equal([starred], page.AllIds());
        Assert.Contains("Celebrated with " + star.Name, page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_filter_shows_stories_with_any_team_of_that_kind()
    {
        var (frontLine, customerFacing) = await _arrange.HeroInTeamAsync(TeamKind.CustomerFacing);
        var (backOffice, behindTheScenes) = await _arrange.HeroInTeamAsync(TeamKind.BehindTheScenes);
        // Published in the future so they lead the feed over other tests' stories in this class.
        var later = Now.AddDays(30);
        var front = await _arrange.PublishedAsync(frontLine, customerFacing, later);
        var back = await _arrange.PublishedAsync(backOffice, behindTheScenes, later.AddMinutes(1));
        var both = await _arrange.PublishedAsync(frontLine, customerFacing, later.AddMinutes(2), s => s.SetTeams([customerFacing, behindTheScenes]));
        var client = await factory.SignInAsync(frontLine);

        var behind = await client.GetDocumentAsync("/Feed?kind=behind-the-scenes");
        var facing = await client.GetDocumentAsync("/Feed?kind=customer-facing");

        Assert.Equal([both, back], behind.ListIds().Take(2));
        Assert.DoesNotContain(front, behind.AllIds());
        Assert.Equal([both, front], facing.ListIds().Take(2));
        Assert.DoesNotContain(back, facing.AllIds());
        Assert.All(behind.QuerySelectorAll("article.feed-card"), card => Assert.Contains("Behind the scenes", card.Text(), StringComparison.Ordinal));
        Assert.Equal("behind-the-scenes", Selected(behind, "kind"));
        Assert.StartsWith("Feed: Behind the scenes", behind.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_filter_counts_back_from_now()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var tenDays = await _arrange.PublishedAsync(hero, team, Now.AddDays(-10));
        var fortyDays = await _arrange.PublishedAsync(hero, team, Now.AddDays(-40));
        var halfYear = await _arrange.PublishedAsync(hero, team, Now.AddDays(-200));
        var twoYears = await _arrange.PublishedAsync(hero, team, Now.AddDays(-730));
        var client = await factory.SignInAsync(hero);

        Assert.Empty((await client.GetDocumentAsync($"/Feed?team={team}&period=7d")).AllIds());
        Assert.Equal([tenDays], (await client.GetDocumentAsync($"/Feed?team={team}&period=30d")).AllIds());
        Assert.Equal([tenDays, fortyDays], (await client.GetDocumentAsync($"/Feed?team={team}&period=90d")).AllIds());
        Assert.Equal([tenDays, fortyDays, halfYear], (await client.GetDocumentAsync($"/Feed?team={team}&period=12m")).AllIds());
        Assert.Equal([tenDays, fortyDays, halfYear, twoYears], (await client.GetDocumentAsync($"/Feed?team={team}")).AllIds());
    }

    [Fact]
    public async Task Filters_combine()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync(TeamKind.BehindTheScenes);
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var value = await factory.Data.ValueAsync();
        var badge = await _arrange.BadgeAsync();
        var everything = await _arrange.PublishedAsync(hero, team, Now.AddDays(-3), s => s.SetValues([value]), s => s.ThenCelebrate(manager.Id, badge, "Thank you.", Now));
        await _arrange.PublishedAsync(hero, team, Now.AddDays(-2), s => s.SetValues([value]));
        await _arrange.PublishedAsync(hero, team, Now.AddDays(-100), s => s.SetValues([value]), s => s.ThenCelebrate(manager.Id, badge, "Thank you.", Now));
        await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), after: s => s.ThenCelebrate(manager.Id, badge, "Thank you.", Now));
        var client = await factory.SignInAsync(hero);

        var page = await client.GetDocumentAsync($"/Feed?team={team}&value={value}&badge={badge.Id}&kind=behind-the-scenes&period=30d");
        var wrongKind = await client.GetDocumentAsync($"/Feed?team={team}&value={value}&kind=customer-facing");

        Assert.Equal([everything], page.AllIds());
        Assert.Empty(wrongKind.AllIds());
    }

    [Fact]
    public async Task The_older_stories_link_and_the_way_back_keep_the_filters()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync(TeamKind.BehindTheScenes);
        var value = await factory.Data.ValueAsync();
        for (var i = 0; i < 22; i++)
        {
            await _arrange.PublishedAsync(hero, team, Now.AddHours(-i - 1), s => s.SetValues([value]));
        }

        var client = await factory.SignInAsync(hero);
        var first = await client.GetDocumentAsync($"/Feed?team={team}&kind=behind-the-scenes&value={value}&period=90d");

        var next = first.NextHref()!;
        Assert.StartsWith($"/Feed?team={team}&kind=behind-the-scenes&value={value}&period=90d&before=", next, StringComparison.Ordinal);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(2, second.ListIds().Count);
        var back = second.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back to newest");
        Assert.Equal($"/Feed?team={team}&kind=behind-the-scenes&value={value}&period=90d", back.GetAttribute("href"));
        Assert.Equal("90d", Selected(second, "period"));
    }

    [Fact]
    public async Task When_nothing_matches_the_page_says_so_and_how_to_widen_the_search()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        await _arrange.PublishedAsync(hero, team, Now.AddDays(-60));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}&period=30d");

        var empty = page.QuerySelector(".empty-state")!;
        Assert.Contains("No stories match these filters. Clear the period or choose another team.", empty.Text(), StringComparison.Ordinal);
        Assert.Equal("/Feed", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Clear filters", empty.QuerySelector("a")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_page_title_and_heading_say_what_the_feed_is_filtered_to()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var teamName = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());
        var client = await factory.SignInAsync(hero);

        var filtered = await client.GetDocumentAsync($"/Feed?team={team}&period=30d");
        var unfiltered = await client.GetDocumentAsync("/Feed");

        Assert.Equal($"Feed: {teamName}, Last 30 days · CareStories", filtered.Title);
        Assert.Contains($"{teamName} · Last 30 days", filtered.QuerySelector(".lead-muted")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(filtered.QuerySelectorAll("form[method=get] a").SingleOrDefault(a => a.TextContent.Trim() == "Clear filters"));
        Assert.Equal("Feed · CareStories", unfiltered.Title);
        Assert.DoesNotContain(unfiltered.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Clear filters");
    }

    [Theory]
    [InlineData("team=abc")]
    [InlineData("team=999999")]
    [InlineData("value=-1")]
    [InlineData("badge=1e9")]
    [InlineData("kind=sideways")]
    [InlineData("period=forever")]
    [InlineData("team=&value=&badge=&kind=&period=&before=")]
    public async Task Filter_values_that_make_no_sense_are_ignored_rather_than_failing(string query)
    {
        var reader = await factory.Data.PersonAsync();

        var response = await (await factory.SignInAsync(reader)).GetAsync("/Feed?" + query);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Feed · CareStories", page.Title);
    }

    [Fact]
    public async Task The_filter_form_offers_every_team_value_and_badge_and_both_kinds_and_periods()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var value = await factory.Data.ValueAsync();
        var badge = await _arrange.BadgeAsync();

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync("/Feed");

        var form = page.QuerySelector<IHtmlFormElement>("main form[role=search]")!;
        Assert.Equal("get", form.Method);
        Assert.NotNull(form.QuerySelector($"select[name=team] option[value='{team}']"));
        Assert.NotNull(form.QuerySelector($"select[name=value] option[value='{value}']"));
        Assert.Contains(badge.Name, form.QuerySelector($"select[name=badge] option[value='{badge.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["", "customer-facing", "behind-the-scenes"], form.QuerySelectorAll("select[name=kind] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["", "7d", "30d", "90d", "12m"], form.QuerySelectorAll("select[name=period] option").Select(o => o.GetAttribute("value")));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    private static string? Selected(IHtmlDocument page, string name) =>
        page.QuerySelector($"select[name={name}] option[selected]")?.GetAttribute("value");
}
