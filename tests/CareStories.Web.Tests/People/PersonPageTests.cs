using CareStories.Domain.Catalogue;

namespace CareStories.Web.Tests.People;

/// <summary>A person's page and printable record: published stories only, celebrations with who and when.</summary>
public sealed class PersonPageTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Person_page_lists_only_the_published_stories_that_credit_them()
    {
        var world = await WorldAsync();
        var hero = world.Hero;
        var author = world.Author;
        var published = await StoryAsync(author, world.Team, s => Credit(s, hero).Publish(world.Manager.Id, factory.Clock.GetUtcNow()));
        var draft = await StoryAsync(hero, world.Team);
        var underReview = await StoryAsync(author, world.Team, s => Credit(s, hero));
        var sentBack = await StoryAsync(author, world.Team, s => Credit(s, hero).RequestChanges(world.Manager.Id, "More detail, please.", factory.Clock.GetUtcNow()));
        var withdrawn = await StoryAsync(author, world.Team, s => Credit(s, hero).Withdraw(author.Id, factory.Clock.GetUtcNow()));
        var notTheirs = await StoryAsync(author, world.Team, s =>
        {
            s.Submit(author.Id, factory.Clock.GetUtcNow());
            s.Publish(world.Manager.Id, factory.Clock.GetUtcNow());
        });

        var page = await (await factory.SignInAsync(await factory.Data.PersonAsync())).GetDocumentAsync($"/People/{hero.Id}");

        var stories = page.QuerySelector("[aria-labelledby=stories-heading]")!;
        Assert.NotNull(stories.QuerySelector($"a[href='/Stories/{published}']"));
        foreach (var hidden in new[] { draft, underReview, sentBack, withdrawn, notTheirs })
        {
            Assert.Null(page.QuerySelector($"a[href='/Stories/{hidden}']"));
        }

        Assert.Equal(hero.DisplayName, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelectorAll(".stat strong")[0].TextContent.Trim());
    }

    [Fact]
    public async Task Person_page_shows_their_teams_with_kind()
    {
        var person = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [person]);
        await factory.Data.TeamAsync(TeamKind.CustomerFacing, managers: [person]);
        var teams = await factory.WithDbAsync(db => db.TeamMemberships.Where(m => m.PersonId == person.Id).Select(m => m.Team.Name).ToListAsync());

        var page = await (await factory.SignInAsync(manager)).GetDocumentAsync($"/People/{person.Id}");

        var tags = page.QuerySelectorAll(".page-head .tag-team").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(2, tags.Count);
        Assert.All(teams, name => Assert.Contains(tags, t => t.StartsWith(name, StringComparison.Ordinal)));
        Assert.Contains(tags, t => t.Contains("Behind the scenes", StringComparison.Ordinal));
        Assert.Contains(tags, t => t.Contains("Customer-facing · manager", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Person_page_shows_celebrations_received_with_who_when_and_a_tally_by_badge()
    {
        var world = await WorldAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var star = await BadgeAsync("🌟");
        var calm = await BadgeAsync(null);
        var given = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
        var first = await StoryAsync(world.Author, world.Team, s =>
        {
            Credit(s, world.Hero).Publish(world.Manager.Id, given);
            s.ThenCelebrate(world.Manager.Id, star, "You kept the wedding on track.", given);
            s.ThenCelebrate(leader.Id, calm, "Calm under pressure.", given.AddDays(1));
        });
        await StoryAsync(world.Author, world.Team, s =>
        {
            Credit(s, world.Hero).Publish(world.Manager.Id, given);
            s.ThenCelebrate(leader.Id, star, "Again!", given.AddDays(2));
        });
        await StoryAsync(world.Author, world.Team, s =>
        {
            Credit(s, world.Hero).Publish(world.Manager.Id, given);
            s.ThenCelebrate(leader.Id, star, "Withdrawn later, so this no longer counts.", given.AddDays(3));
            s.Withdraw(world.Author.Id, given.AddDays(4));
        });
        var managerName = world.Manager.DisplayName;

        var page = await (await factory.SignInAsync(world.Hero)).GetDocumentAsync($"/People/{world.Hero.Id}");

        var items = page.QuerySelectorAll(".celebration-list li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains("Again!", items[0].TextContent, StringComparison.Ordinal);
        var wedding = items[2];
        Assert.Contains("“You kept the wedding on track.”", wedding.TextContent, StringComparison.Ordinal);
        Assert.Contains(managerName, wedding.TextContent, StringComparison.Ordinal);
        Assert.Contains(star.Name, wedding.QuerySelector(".badge-chip")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(wedding.QuerySelector($"a[href='/Stories/{first}']"));
        // Milliseconds at most: HTML refuses a longer fraction of a second.
        Assert.Equal("2026-03-14T09:30:00.000Z", wedding.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.DoesNotContain("no longer counts", page.Body!.TextContent, StringComparison.Ordinal);

        var tally = page.QuerySelectorAll("[aria-labelledby=badges-heading] li").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal([$"🌟 {star.Name} × 2", $"{calm.Name} × 1"], tally);
        Assert.Equal(["2", "3"], page.QuerySelectorAll(".stat strong").Take(2).Select(s => s.TextContent.Trim()));
    }

    [Fact]
    public async Task Person_page_counts_applause_received_and_pages_stories_by_key()
    {
        var world = await WorldAsync();
        var fans = new[] { await factory.Data.PersonAsync(), await factory.Data.PersonAsync() };
        var sameInstant = factory.Clock.GetUtcNow().AddDays(-1);
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await StoryAsync(world.Author, world.Team, s =>
            {
                Credit(s, world.Hero).Publish(world.Manager.Id, sameInstant);
                foreach (var fan in fans)
                {
                    s.ThenApplaud(fan.Id, sameInstant);
                }
            }));
        }

        var client = await factory.SignInAsync(fans[0]);
        var first = await client.GetDocumentAsync($"/People/{world.Hero.Id}");
        var more = first.QuerySelector("a[href*='after=']")!;
        var second = await client.GetDocumentAsync(more.GetAttribute("href")!);

        Assert.Equal(["12", "0", "24", "0"], first.QuerySelectorAll(".stat strong").Select(s => s.TextContent.Trim()));
        var expected = ids.OrderByDescending(id => id).ToList();
        Assert.Equal(expected.Take(10), StoryIds(first));
        Assert.Equal(expected.Skip(10), StoryIds(second));
        Assert.Null(second.QuerySelector("a[href*='after=']"));
    }

    [Fact]
    public async Task Person_page_asks_the_same_number_of_questions_for_few_or_many_stories()
    {
        var (app, counter) = SqlCommandCounter.ForApp(factory);
        using var _ = app;
        var world = await WorldAsync();
        var quiet = await factory.Data.PersonAsync();
        var badge = await BadgeAsync(null);
        // One celebrated story against eight: a record with no celebrations at all has no details to read.
        await StoryAsync(world.Author, world.Team, s =>
        {
            Credit(s, quiet).Publish(world.Manager.Id, factory.Clock.GetUtcNow());
            s.ThenCelebrate(world.Manager.Id, badge, "Thank you", factory.Clock.GetUtcNow());
        });
        for (var i = 0; i < 8; i++)
        {
            await StoryAsync(world.Author, world.Team, s =>
            {
                Credit(s, world.Hero).Publish(world.Manager.Id, factory.Clock.GetUtcNow());
                s.ThenCelebrate(world.Manager.Id, badge, $"Thank you {i}", factory.Clock.GetUtcNow());
                s.ThenApplaud(quiet.Id, factory.Clock.GetUtcNow());
            });
        }

        var client = await SqlCommandCounter.SignInAsync(app, quiet);

        var forFew = await counter.CountAsync(() => client.GetDocumentAsync($"/People/{quiet.Id}"));
        var forMany = await counter.CountAsync(() => client.GetDocumentAsync($"/People/{world.Hero.Id}"));
        var printFew = await counter.CountAsync(() => client.GetDocumentAsync($"/People/{quiet.Id}/Print"));
        var printMany = await counter.CountAsync(() => client.GetDocumentAsync($"/People/{world.Hero.Id}/Print"));

        Assert.Equal(forFew, forMany);
        Assert.Equal(printFew, printMany);
    }

    [Fact]
    public async Task Print_view_lists_published_stories_and_celebrations_within_the_period()
    {
        var world = await WorldAsync();
        var badge = await BadgeAsync("🏅");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var longAgo = today.AddMonths(-18);
        var recent = await StoryAsync(world.Author, world.Team, s =>
        {
            Credit(s, world.Hero).Publish(world.Manager.Id, factory.Clock.GetUtcNow());
            s.ThenCelebrate(world.Manager.Id, badge, "Recent thanks.", factory.Clock.GetUtcNow());
        });
        var old = await StoryAsync(world.Author, world.Team, s =>
        {
            s.Edit(TestData.CompleteContent(s.Title) with { OccurredOn = longAgo }, factory.Clock.GetUtcNow());
            s.SetValues([]);
            Credit(s, world.Hero).Publish(world.Manager.Id, Day(longAgo.AddDays(3)));
            s.ThenCelebrate(world.Manager.Id, badge, "Old thanks.", Day(longAgo.AddDays(5)));
        });
        var underReview = await StoryAsync(world.Author, world.Team, s => Credit(s, world.Hero));
        var client = await factory.SignInAsync(world.Manager);

        var lastYear = await client.GetDocumentAsync($"/People/{world.Hero.Id}/Print");
        var thatPeriod = await client.GetDocumentAsync(
            $"/People/{world.Hero.Id}/Print?From={longAgo.AddDays(-1):yyyy-MM-dd}&To={longAgo.AddDays(10):yyyy-MM-dd}");

        Assert.Equal([recent], PrintedStoryIds(lastYear));
        Assert.Contains("Recent thanks.", Celebrations(lastYear), StringComparison.Ordinal);
        Assert.DoesNotContain("Old thanks.", Celebrations(lastYear), StringComparison.Ordinal);
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lastYear.QuerySelector("input[name=To]")!.GetAttribute("value"));
        Assert.Equal(today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lastYear.QuerySelector("input[name=From]")!.GetAttribute("value"));

        Assert.Equal([old], PrintedStoryIds(thatPeriod));
        Assert.Contains("Old thanks.", Celebrations(thatPeriod), StringComparison.Ordinal);
        Assert.DoesNotContain("Recent thanks.", Celebrations(thatPeriod), StringComparison.Ordinal);
        var entry = thatPeriod.QuerySelector("[aria-labelledby=print-stories-heading] .print-entry")!;
        Assert.Contains("“You saved my day.”", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rosa", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("The food arrived on time", entry.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(PrintedStoryIds(lastYear).Concat(PrintedStoryIds(thatPeriod)), id => id == underReview);
        Assert.NotNull(lastYear.QuerySelector("button[data-print]"));
        Assert.Contains("Generated on", lastYear.QuerySelector(".print-head")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_view_explains_a_period_that_ends_before_it_starts()
    {
        var world = await WorldAsync();
        var client = await factory.SignInAsync(world.Manager);

        var response = await client.GetAsync($"/People/{world.Hero.Id}/Print?From=2026-05-01&To=2026-04-01");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["The start date must be on or before the end date."], page.FieldErrors("From"));
        Assert.Contains("The start date must be on or before the end date.", page.SummaryErrors());
        Assert.Equal("2026-05-01", page.QuerySelector("input[name=From]")!.GetAttribute("value"));
        Assert.Equal("2026-04-01", page.QuerySelector("input[name=To]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[aria-labelledby=print-stories-heading]"));
        Assert.Null(page.QuerySelector("button[data-print]"));
    }

    [Fact]
    public async Task Print_view_explains_a_date_it_cannot_read_and_keeps_what_was_typed()
    {
        var world = await WorldAsync();
        var client = await factory.SignInAsync(world.Manager);

        var response = await client.GetAsync($"/People/{world.Hero.Id}/Print?From=yesterday&To=0001-01-01");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["“yesterday” is not a valid start date."], page.FieldErrors("From"));
        Assert.Equal("yesterday", page.QuerySelector("input[name=From]")!.GetAttribute("value"));
        Assert.NotEmpty(page.SummaryErrors());
    }

    [Fact]
    public async Task Print_view_rejects_dates_before_2000_without_failing()
    {
        var world = await WorldAsync();
        var client = await factory.SignInAsync(world.Manager);

        var response = await client.GetAsync($"/People/{world.Hero.Id}/Print?To=0001-01-01");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["End the period in 2000 or later."], page.FieldErrors("To"));
    }

    [Theory]
    [InlineData("/People/no-such-person")]
    [InlineData("/People/no-such-person/Print")]
    public async Task Unknown_person_is_not_found(string url)
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        await client.GetAsync(url).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_a_person_and_their_record()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();

        (await client.GetAsync($"/People/{person.Id}")).ShouldRedirectToSignIn();
        (await client.GetAsync($"/People/{person.Id}/Print")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Home_page_links_to_my_recognition()
    {
        var me = await factory.Data.PersonAsync();

        var home = await (await factory.SignInAsync(me)).GetDocumentAsync("/");

        Assert.Equal("Your recognition", home.QuerySelector($"main a[href='/People/{me.Id}']")!.TextContent.Trim());
    }

    private Story Credit(Story story, TestPerson hero)
    {
        story.SetHeroes([story.AuthorId, hero.Id]);
        story.Submit(story.AuthorId, factory.Clock.GetUtcNow());
        return story;
    }

    private static DateTimeOffset Day(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<int> StoryIds(IDocument page) => page.QuerySelectorAll("[aria-labelledby=stories-heading] h3 a")
        .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<int> PrintedStoryIds(IDocument page) => page.QuerySelectorAll("[aria-labelledby=print-stories-heading] .print-link a")
        .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string Celebrations(IDocument page) => page.QuerySelector("[aria-labelledby=print-celebrations-heading]")!.TextContent;

    private Task<int> StoryAsync(TestPerson author, int team, Action<Story>? shape = null) => factory.Data.StoryAsync(author, team, shape);

    private async Task<Badge> BadgeAsync(string? emoji) => await factory.WithDbAsync(async db =>
    {
        var badge = new Badge(TestData.Unique("Badge"), "Made by a test.", BadgeColour.Teal, emoji);
        db.Badges.Add(badge);
        await db.SaveChangesAsync();
        return badge;
    });

    private async Task<World> WorldAsync()
    {
        var author = await factory.Data.PersonAsync();
        var hero = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var team = await factory.Data.TeamAsync(members: [author, hero], managers: [manager]);
        return new World(author, hero, manager, team);
    }

    private sealed record World(TestPerson Author, TestPerson Hero, TestPerson Manager, int Team);
}
