using CareStories.Web.Tests.Feed;

namespace CareStories.Web.Tests.Huddle;

/// <summary>The huddle screen: one story a day per team, the same all day, with next and previous going round.</summary>
public sealed class HuddleTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private readonly FeedArrange _feed = new(factory);

    /// <summary>A team with three published stories, newest first (the huddle's round).</summary>
    private async Task<(int Team, List<int> Round, HttpClient Reader)> ArrangeAsync()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        var start = factory.Clock.GetUtcNow();
        var oldest = await _feed.PublishedAsync(hero, team, start.AddHours(-3));
        var middle = await _feed.PublishedAsync(hero, team, start.AddHours(-2));
        var newest = await _feed.PublishedAsync(hero, team, start.AddHours(-1));
        return (team, [newest, middle, oldest], await factory.SignInAsync(await factory.Data.PersonAsync()));
    }

    private static int Shown(IDocument page) =>
        int.Parse(page.QuerySelector(".huddle-nav a[href^='/Stories/']")!.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_story_of_the_day_is_chosen_by_the_date_and_changes_the_next_day()
    {
        var (team, round, reader) = await ArrangeAsync();
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

        var page = await reader.GetDocumentAsync($"/Huddle/{team}");
        Assert.Equal(round[today.DayNumber % 3], Shown(page));
        Assert.Contains("Story of the day", page.QuerySelector(".huddle-team")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(round[today.DayNumber % 3], Shown(await reader.GetDocumentAsync($"/Huddle/{team}")));

        // The clock only goes forward; every other test here reads "now" from it, so a day later changes nothing for them.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(round[(today.DayNumber + 1) % 3], Shown(await reader.GetDocumentAsync($"/Huddle/{team}")));
    }

    [Fact]
    public async Task Next_and_previous_go_round_the_teams_stories_with_arrow_keys_named_on_the_links()
    {
        var (team, round, reader) = await ArrangeAsync();

        var page = await reader.GetDocumentAsync($"/Huddle/{team}/{round[2]}");

        var next = page.QuerySelector("a[rel=next]")!;
        var previous = page.QuerySelector("a[rel=prev]")!;
        Assert.Equal($"/Huddle/{team}/{round[0]}", next.GetAttribute("href"));
        Assert.Equal($"/Huddle/{team}/{round[1]}", previous.GetAttribute("href"));
        Assert.Equal("ArrowRight", next.GetAttribute("data-huddle-key"));
        Assert.Equal("ArrowLeft", previous.GetAttribute("data-huddle-key"));
        // Nothing but the story: no site menu, no inline script.
        Assert.Null(page.QuerySelector("nav[aria-label=Main]"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
    }

    [Fact]
    public async Task A_story_from_another_team_or_an_unknown_team_is_not_found()
    {
        var (team, _, reader) = await ArrangeAsync();
        var (otherHero, otherTeam) = await _feed.HeroInTeamAsync();
        var other = await _feed.PublishedAsync(otherHero, otherTeam, factory.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/Huddle/{team}/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/Huddle/987654")).StatusCode);
    }

    [Fact]
    public async Task The_team_list_puts_the_readers_own_teams_first_and_links_their_huddle()
    {
        var (hero, team) = await _feed.HeroInTeamAsync();
        await _feed.PublishedAsync(hero, team, factory.Clock.GetUtcNow());
        var reader = await factory.SignInAsync(hero);

        var page = await reader.GetDocumentAsync("/Huddle");

        var first = page.QuerySelector(".huddle-teams li")!;
        Assert.Equal($"/Huddle/{team}", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Your team · 1 published story", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_with_no_published_story_says_so()
    {
        var team = await factory.Data.TeamAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await reader.GetDocumentAsync($"/Huddle/{team}");

        Assert.Contains("No stories for", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_huddle_needs_a_signed_in_person()
    {
        var (team, _, _) = await ArrangeAsync();
        (await factory.CreateBrowserClient().GetAsync($"/Huddle/{team}")).ShouldRedirectToSignIn();
    }
}
