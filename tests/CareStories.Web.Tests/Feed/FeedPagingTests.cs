using System.Globalization;
using CareStories.Domain.Paging;

namespace CareStories.Web.Tests.Feed;

public sealed class FeedPagingTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    private readonly FeedArrange _arrange = new(factory);

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/Feed");

        response.ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Only_published_stories_appear_never_drafts_waiting_sent_back_or_withdrawn_ones()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var reviewer = await _arrange.ReviewerAsync();
        var now = factory.Clock.GetUtcNow();
        var published = await _arrange.PublishedAsync(hero, team, now.AddHours(-1));
        var draft = await factory.Data.StoryAsync(hero, team);
        var waiting = await factory.Data.StoryAsync(hero, team, s => s.Submit(hero.Id, now));
        var sentBack = await factory.Data.StoryAsync(hero, team, s =>
        {
            s.Submit(hero.Id, now);
            s.RequestChanges(reviewer.Id, "Add the customer's words.", now);
        });
        var withdrawn = await factory.Data.StoryAsync(hero, team, s =>
        {
            s.Submit(hero.Id, now);
            s.Publish(reviewer.Id, now);
            s.Withdraw(hero.Id, now);
        });

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        Assert.Equal([published], page.AllIds());
        Assert.DoesNotContain(page.AllIds(), id => id == draft || id == waiting || id == sentBack || id == withdrawn);
    }

    [Fact]
    public async Task Stories_are_listed_newest_first()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var now = factory.Clock.GetUtcNow();
        var middle = await _arrange.PublishedAsync(hero, team, now.AddDays(-2));
        var newest = await _arrange.PublishedAsync(hero, team, now.AddHours(-1));
        var oldest = await _arrange.PublishedAsync(hero, team, now.AddDays(-40));

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        Assert.Equal([newest, middle, oldest], page.ListIds());
        Assert.Null(page.NextHref());
        Assert.Null(page.QuerySelector("[aria-labelledby=featured-heading]"));
    }

    [Fact]
    public async Task Following_the_older_stories_link_yields_every_story_once_in_order_even_when_many_share_a_time()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var tie = factory.Clock.GetUtcNow().AddDays(-3);
        var expected = new List<(DateTimeOffset At, int Id)>();
        for (var i = 0; i < 45; i++)
        {
            expected.Add((tie, await _arrange.PublishedAsync(hero, team, tie)));
        }

        foreach (var offset in new[] { -5, 2, -1, 7, -30, 1, -2 })
        {
            var at = tie.AddMinutes(offset);
            expected.Add((at, await _arrange.PublishedAsync(hero, team, at)));
        }

        var inOrder = expected.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();
        var client = await factory.SignInAsync(hero);

        var seen = new List<int>();
        var url = $"/Feed?team={team}";
        var pages = 0;
        while (url is not null)
        {
            var page = await client.GetDocumentAsync(url);
            Assert.InRange(page.ListIds().Count, 1, 20);
            seen.AddRange(page.ListIds());
            pages++;
            url = page.NextHref();
            Assert.True(pages < 10, "The older stories link never ran out.");
        }

        Assert.Equal(3, pages);
        Assert.Equal(inOrder, seen);
    }

    [Fact]
    public async Task A_deep_page_starts_right_after_its_cursor_and_offers_the_way_back_to_the_newest()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var start = factory.Clock.GetUtcNow().AddDays(-1);
        var ids = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await _arrange.PublishedAsync(hero, team, start.AddMinutes(-i)));
        }

        var cursor = new PageKey(start.AddMinutes(-29), ids[29]);
        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}&before={cursor}");

        Assert.Equal(ids[30..50], page.ListIds());
        Assert.Equal("Older stories", page.QuerySelector("#latest-heading")!.TextContent.Trim());
        Assert.Contains("(older stories)", page.Title, StringComparison.Ordinal);
        var back = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back to newest");
        Assert.Equal($"/Feed?team={team}", back.GetAttribute("href"));
        Assert.Null(page.NextHref());
        Assert.Equal("You have reached the oldest story that matches these filters.", page.QuerySelector(".feed-end")!.Text());
    }

    [Fact]
    public async Task The_last_page_of_a_long_feed_says_there_are_no_older_stories_when_its_cursor_is_past_the_end()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var only = await _arrange.PublishedAsync(hero, team, factory.Clock.GetUtcNow().AddDays(-1));
        var publishedAt = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == only).Select(s => s.PublishedAt!.Value).SingleAsync());

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}&before={new PageKey(publishedAt, only)}");

        Assert.Empty(page.AllIds());
        Assert.Contains("There are no older stories that match these filters.", page.QuerySelector(".empty-state")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("1.2.3")]
    [InlineData("99999999999999999999.5")]
    [InlineData("-5.3")]
    [InlineData("639000000000000000.-1")]
    [InlineData("%00")]
    public async Task A_malformed_cursor_shows_the_first_page_instead_of_an_error(string before)
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var newest = await _arrange.PublishedAsync(hero, team, factory.Clock.GetUtcNow().AddMinutes(-5));
        var client = await factory.SignInAsync(hero);

        var response = await client.GetAsync($"/Feed?team={team}&before={before}");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal([newest], page.ListIds());
        Assert.Equal("Latest stories", page.QuerySelector("#latest-heading")!.TextContent.Trim());
    }

    [SqliteOnlyFact("it reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner picks by table statistics, so a small test table is read whole")]
    public async Task The_keyset_query_reads_the_feed_index_in_order_on_the_first_page_a_deep_page_and_a_filtered_one()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var start = factory.Clock.GetUtcNow().AddDays(-2);
        var ids = new List<int>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await _arrange.PublishedAsync(hero, team, start.AddMinutes(-i)));
        }

        var client = await factory.SignInAsync(hero);
        var deep = new PageKey(start.AddMinutes(-10), ids[10]);
        string[] urls =
        [
            "/Feed",
            $"/Feed?before={deep}",
            $"/Feed?team={team}&kind=customer-facing&period=30d",
            $"/Feed?team={team}&period=90d&before={deep}",
        ];
        foreach (var url in urls)
        {
            factory.Sql.Clear();
            await client.GetDocumentAsync(url);
            var keys = Assert.Single(factory.Sql.Commands, c => c.Text.Contains("\"FeaturedStories\"", StringComparison.Ordinal));

            var plan = await factory.ExplainAsync(keys);

            var why = $"{url}:\n{string.Join('\n', plan)}\n{keys.Text}";
            Assert.True(plan.Any(line => line.Contains("USING COVERING INDEX IX_Stories_Status_PublishedAt_Id (Status=?", StringComparison.Ordinal)), why);
            Assert.True(plan.All(line => !line.Contains("USE TEMP B-TREE", StringComparison.Ordinal)), why);
            if (url.Contains("before=", StringComparison.Ordinal))
            {
                // A deep page seeks to its cursor in the index rather than walking down from the newest story.
                Assert.True(plan.Any(line => line.Contains("IX_Stories_Status_PublishedAt_Id (Status=? AND", StringComparison.Ordinal) && line.Contains("PublishedAt<?", StringComparison.Ordinal)), why);
            }
        }
    }

    [Fact]
    public async Task Older_stories_link_is_marked_as_the_next_page_and_carries_the_cursor_of_the_last_card()
    {
        var (hero, team) = await _arrange.HeroInTeamAsync();
        var start = factory.Clock.GetUtcNow().AddDays(-1);
        var ids = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            ids.Add(await _arrange.PublishedAsync(hero, team, start.AddMinutes(-i)));
        }

        var page = await (await factory.SignInAsync(hero)).GetDocumentAsync($"/Feed?team={team}");

        var twentieth = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == ids[19]).Select(s => s.PublishedAt!.Value).SingleAsync());
        Assert.Equal(20, page.ListIds().Count);
        Assert.Equal(
            $"/Feed?team={team}&before={twentieth.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{ids[19]}",
            page.NextHref());
        Assert.Equal("Older stories", page.QuerySelector("a[rel=next]")!.TextContent.Trim());
    }
}
