using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.Feed;

public sealed class FeedCardTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    private readonly FeedArrange _arrange = new(factory);

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    [Fact]
    public async Task A_card_shows_the_title_heroes_with_their_teams_team_kinds_and_when_it_was_published()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync(TeamKind.BehindTheScenes);
        var colleague = await factory.Data.PersonAsync();
        var secondTeam = await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [hero, colleague]);
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), s =>
        {
            s.SetHeroes([hero.Id, colleague.Id]);
            s.SetTeams([team, secondTeam]);
        });
        var (title, teamName, secondTeamName) = await factory.WithDbAsync(async db => (
            await db.Stories.Where(s => s.Id == id).Select(s => s.Title).SingleAsync(),
            await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync(),
            await db.Teams.Where(t => t.Id == secondTeam).Select(t => t.Name).SingleAsync()));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var card = page.Card(id);
        var link = card.QuerySelector("h3 a")!;
        Assert.Equal(title, link.TextContent);
        Assert.Equal($"/Stories/{id}", link.GetAttribute("href"));
        var heroes = card.QuerySelectorAll(".feed-heroes li").Select(li => li.Text()).ToList();
        Assert.Contains($"{hero.DisplayName}, {string.Join(", ", new[] { teamName, secondTeamName }.Order(StringComparer.CurrentCulture))}", heroes);
        Assert.Contains($"{colleague.DisplayName}, {secondTeamName}", heroes);
        var tags = card.QuerySelectorAll(".tag").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains(teamName, tags);
        Assert.Contains("Customer-facing", tags);
        Assert.Contains("Behind the scenes", tags);
        Assert.NotNull(card.QuerySelector("time[datetime]"));
        Assert.StartsWith("Published", card.QuerySelector(".feed-card-head .story-meta")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excerpt_is_the_start_of_the_story_cut_at_a_word()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var situation = string.Join(' ', Enumerable.Repeat("Everything arrived late and the customer was worried.", 8));
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), s =>
            s.Edit(TestData.CompleteContent(TestData.Unique("Long story")) with { Situation = situation }, Now));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var excerpt = page.Card(id).QuerySelector(".feed-excerpt")!.TextContent;
        Assert.EndsWith("\u2026", excerpt, StringComparison.Ordinal);
        Assert.InRange(excerpt.Length, 100, 201);
        Assert.StartsWith(excerpt[..^1], situation, StringComparison.Ordinal);
        Assert.Equal(' ', situation[excerpt.Length - 1]);
    }

    [Fact]
    public async Task The_latest_quote_is_highlighted_with_a_first_name_only_and_never_the_surname()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), s =>
        {
            s.AddQuote(new QuoteDetails("An older thank-you.", QuoteSource.Letter, DateOnly.FromDateTime(Now.UtcDateTime.AddDays(-20)), CustomerNaming.FullName, "Old Writer"), Now);
            s.AddQuote(new QuoteDetails("You made my week, truly.", QuoteSource.Email, DateOnly.FromDateTime(Now.UtcDateTime), CustomerNaming.FirstNameOnly, "Maribel Okonkwo-Lund"), Now);
        });

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var quote = page.Card(id).QuerySelector(".feed-quote")!;
        Assert.Equal("“You made my week, truly.”", quote.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Equal("— Maribel", quote.QuerySelector("figcaption")!.TextContent.Trim());
        Assert.DoesNotContain("Okonkwo", page.Card(id).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("older thank-you", page.Card(id).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_without_consent_to_a_name_is_from_a_customer()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), s =>
            s.AddQuote(new QuoteDetails("Best service all year.", QuoteSource.Survey, DateOnly.FromDateTime(Now.UtcDateTime), CustomerNaming.Anonymous, "Secret Name"), Now));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var quote = page.Card(id).QuerySelector(".feed-quote")!;
        Assert.Equal("— A customer", quote.QuerySelector("figcaption")!.TextContent.Trim());
        Assert.DoesNotContain("Secret", page.Card(id).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_without_quotes_shows_no_quote()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), s => s.RemoveQuote(s.Quotes.Single().Id, Now));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        Assert.Null(page.Card(id).QuerySelector(".feed-quote"));
    }

    [Fact]
    public async Task A_card_shows_its_badges_in_their_colours_the_celebrators_and_the_applause_and_visible_comments()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var managers = new List<TestPerson>();
        for (var i = 0; i < 3; i++)
        {
            managers.Add(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));
        }

        var admin = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var star = await _arrange.BadgeAsync(BadgeColour.Amber, "🌟");
        var rocket = await _arrange.BadgeAsync(BadgeColour.Purple, "🚀");
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), after: s =>
        {
            s.ThenCelebrate(managers[0].Id, star, "Brilliant.", Now);
            s.ThenCelebrate(managers[1].Id, star, "Yes!", Now);
            s.ThenCelebrate(managers[2].Id, rocket, "So quick.", Now);
            s.ThenApplaud(managers[0].Id, Now);
            s.ThenApplaud(managers[1].Id, Now);
            s.ThenComment(managers[0].Id, "Lovely work.", Now);
            s.ThenComment(managers[1].Id, "Not nice.", Now);
        });
        await factory.WithDbAsync(async db =>
        {
            var comment = await db.Comments.SingleAsync(c => c.StoryId == id && c.Text == "Not nice.");
            comment.Hide(admin.Id, "Unkind.", Now);
            await db.SaveChangesAsync();
        });

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var card = page.Card(id);
        var badges = card.QuerySelectorAll(".feed-badge").ToList();
        Assert.Equal(2, badges.Count);
        Assert.Equal($"🌟 {star.Name} ×2", badges[0].Text());
        Assert.Contains("badge-colour-amber", badges[0].ClassList);
        Assert.Equal($"🚀 {rocket.Name}", badges[1].Text());
        Assert.Contains("badge-colour-purple", badges[1].ClassList);
        Assert.Contains("Celebrated by 3 people", card.Text(), StringComparison.Ordinal);
        var counts = card.QuerySelector(".feed-counts")!.Text();
        Assert.Contains("2 applause", counts, StringComparison.Ordinal);
        Assert.Contains("1 comment", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("2 comments", counts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_nobody_has_reacted_to_yet_shows_zero_counts_and_no_badges()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var card = page.Card(id);
        Assert.Null(card.QuerySelector(".feed-celebrations"));
        Assert.Equal("0 applause 0 comments", card.QuerySelector(".feed-counts")!.Text());
    }

    [Fact]
    public async Task The_home_page_links_its_recently_published_stories_to_the_feed()
    {
        var reader = await factory.Data.PersonAsync();

        var home = await (await factory.SignInAsync(reader)).GetDocumentAsync("/");

        var link = home.QuerySelector("[aria-labelledby=recent-heading]")!.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "See all on the feed");
        Assert.Equal("/Feed", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Story_text_is_shown_as_text_never_as_markup()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var id = await _arrange.PublishedAsync(hero, team, Now.AddDays(-1), s =>
            s.Edit(TestData.CompleteContent("<b>Bold</b> title") with { Situation = "<script>alert(1)</script> happened" }, Now));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var card = page.Card(id);
        Assert.Null(card.QuerySelector("script"));
        Assert.Null(card.QuerySelector("b"));
        Assert.Equal("<b>Bold</b> title", card.QuerySelector("h3")!.TextContent);
        Assert.StartsWith("<script>alert(1)</script> happened", card.QuerySelector(".feed-excerpt")!.TextContent, StringComparison.Ordinal);
    }
}
