namespace CareStories.Web.Tests.Stories;

public sealed class HomePageTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Manager_home_lists_stories_waiting_from_their_own_team_only()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var member = await factory.Data.PersonAsync();
        var outsider = await factory.Data.PersonAsync();
        var myTeam = await factory.Data.TeamAsync(members: [member], managers: [manager]);
        var otherTeam = await factory.Data.TeamAsync(members: [outsider]);
        var mine = await factory.Data.StoryAsync(member, myTeam, s => s.Submit(member.Id, factory.Clock.GetUtcNow()));
        var notMine = await factory.Data.StoryAsync(outsider, otherTeam, s => s.Submit(outsider.Id, factory.Clock.GetUtcNow()));
        var draft = await factory.Data.StoryAsync(member, myTeam);

        var home = await (await factory.SignInAsync(manager)).GetDocumentAsync("/");

        var waiting = home.QuerySelector("[aria-labelledby=waiting-heading]")!;
        Assert.NotNull(waiting.QuerySelector($"a[href='/Review/Story/{mine}']"));
        Assert.Null(waiting.QuerySelector($"a[href$='/{notMine}']"));
        Assert.Null(waiting.QuerySelector($"a[href$='/{draft}']"));
    }

    [Fact]
    public async Task Home_shows_recently_published_stories_to_everyone_but_never_drafts()
    {
        var author = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var published = await factory.Data.StoryAsync(author, team, s =>
        {
            s.Submit(author.Id, factory.Clock.GetUtcNow());
            s.Publish(reviewer.Id, factory.Clock.GetUtcNow().AddYears(1));
        });
        var draft = await factory.Data.StoryAsync(author, team);

        var home = await (await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader))).GetDocumentAsync("/");

        var recent = home.QuerySelector("[aria-labelledby=recent-heading]")!;
        Assert.NotNull(recent.QuerySelector($"a[href='/Stories/{published}']"));
        Assert.Null(recent.QuerySelector($"a[href='/Stories/{draft}']"));
        Assert.True(await factory.WithDbAsync(db => db.Stories.AnyAsync(s => s.Id == draft)));
    }

    [Fact]
    public async Task A_signed_out_visitor_learns_what_this_is_from_an_example_and_never_sees_real_stories()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var published = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow(), publishWithoutReview: true));
        var title = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == published).Select(s => s.Title).SingleAsync());

        var home = await factory.CreateBrowserClient().GetDocumentAsync("/");

        var main = home.QuerySelector("main")!;
        Assert.NotNull(main.QuerySelector("[aria-labelledby=how-heading] ol li"));
        Assert.StartsWith("Example", main.QuerySelector("[aria-labelledby=example-heading] .story-meta")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(title, main.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(author.DisplayName, main.TextContent, StringComparison.Ordinal);
        Assert.Null(main.QuerySelector("a[href^='/Stories/']"));
    }
}
