namespace CareStories.Web.Tests.Review;

/// <summary>Who sees which waiting stories in the review queue, in what order, and how they are marked.</summary>
public sealed class ReviewQueueTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Employee_gets_403_on_the_review_queue_and_review_page()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var employee = await factory.SignInAsync(await factory.Data.PersonAsync());

        await employee.GetAsync("/Review").ShouldBeAsync(HttpStatusCode.Forbidden);
        await employee.GetAsync($"/Review/Story/{id}").ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_the_queue()
    {
        (await factory.CreateBrowserClient().GetAsync("/Review")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task Manager_sees_their_teams_waiting_stories_oldest_first_and_no_other_teams()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var now = factory.Clock.GetUtcNow();
        var newest = await factory.WaitingStoryAsync(team, now.AddHours(-1));
        var oldest = await factory.WaitingStoryAsync(team, now.AddDays(-2));
        var middle = await factory.WaitingStoryAsync(team, now.AddDays(-1));
        var othersStory = await factory.WaitingStoryAsync(other);
        var draft = await factory.Data.StoryAsync(team.Author, team.TeamId);

        var queue = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review");

        var listed = queue.QuerySelectorAll("[data-story-id]").Select(e => int.Parse(e.GetAttribute("data-story-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([oldest, middle, newest], listed);
        Assert.DoesNotContain(othersStory, listed);
        Assert.DoesNotContain(draft, listed);
        Assert.NotNull(queue.QuerySelector($"a[href='/Review/Story/{oldest}']"));
        Assert.Contains("3 stories", queue.QuerySelector("[data-review-summary]")!.TextContent);
        Assert.Equal("waiting 2 days", queue.QuerySelector($"[data-story-id='{oldest}'] [data-waiting]")!.TextContent.Trim());
        Assert.Equal("waiting less than a day", queue.QuerySelector($"[data-story-id='{newest}'] [data-waiting]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Manager_sees_stories_tagged_with_their_team_by_authors_from_elsewhere()
    {
        var team = await factory.ReviewTeamAsync();
        var outsider = await factory.Data.PersonAsync();
        var id = await factory.WaitingStoryAsync(outsider, team.TeamId);

        var queue = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review");

        Assert.NotNull(queue.QuerySelector($"[data-story-id='{id}'] a[href='/Review/Story/{id}']"));
    }

    [Fact]
    public async Task Each_waiting_story_in_the_queue_names_its_own_heroes_and_team()
    {
        var team = await factory.ReviewTeamAsync();
        var first = await factory.Data.PersonAsync();
        var second = await factory.Data.PersonAsync();
        var other = await factory.Data.PersonAsync();
        var credited = await factory.WaitingStoryAsync(team, factory.Clock.GetUtcNow().AddHours(-2), first, second);
        var elsewhere = await factory.WaitingStoryAsync(team, factory.Clock.GetUtcNow().AddHours(-1), other);
        var uncredited = await factory.WaitingStoryAsync(team);
        var teamName = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team.TeamId).Select(t => t.Name).SingleAsync());

        var queue = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review");

        string Meta(int id) => queue.QuerySelector($"[data-story-id='{id}'] .story-meta")!.TextContent;
        Assert.Contains(first.DisplayName, Meta(credited));
        Assert.Contains(second.DisplayName, Meta(credited));
        Assert.DoesNotContain(other.DisplayName, Meta(credited));
        Assert.Contains(other.DisplayName, Meta(elsewhere));
        Assert.DoesNotContain(first.DisplayName, Meta(elsewhere));
        Assert.All(new[] { first, second, other }, hero => Assert.DoesNotContain(hero.DisplayName, Meta(uncredited)));
        Assert.All(new[] { credited, elsewhere, uncredited }, id => Assert.Contains(teamName, Meta(id)));
    }

    [Fact]
    public async Task Manager_with_nothing_waiting_is_told_there_is_nothing_to_review()
    {
        var team = await factory.ReviewTeamAsync();

        var queue = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review");

        var empty = queue.QuerySelector(".empty-state")!;
        Assert.Contains("Nothing to review", empty.TextContent);
        Assert.Contains("you get a notification", empty.TextContent);
        Assert.Empty(queue.QuerySelectorAll("[data-story-id]"));
    }

    [Fact]
    public async Task Manager_sees_their_own_and_credited_stories_marked_for_another_manager_without_a_review_link()
    {
        var team = await factory.ReviewTeamAsync();
        var mine = await factory.WaitingStoryAsync(team.Manager, team.TeamId);
        var creditsMe = await factory.WaitingStoryAsync(team, null, team.Manager);
        var reviewable = await factory.WaitingStoryAsync(team);

        var queue = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review");

        foreach (var id in new[] { mine, creditsMe })
        {
            var row = queue.QuerySelector($"[data-story-id='{id}']")!;
            Assert.Contains("another manager must review it", row.QuerySelector("[data-not-reviewable]")!.TextContent);
            Assert.Null(row.QuerySelector($"a[href='/Review/Story/{id}']"));
        }

        Assert.NotNull(queue.QuerySelector($"[data-story-id='{reviewable}'] a[href='/Review/Story/{reviewable}']"));
        Assert.Contains("1 story", queue.QuerySelector("[data-review-summary]")!.TextContent);
    }

    [Fact]
    public async Task Queue_pages_by_key_with_show_more()
    {
        var team = await factory.ReviewTeamAsync();
        var start = factory.Clock.GetUtcNow().AddDays(-1);
        var ids = new List<int>();
        for (var i = 0; i < 23; i++)
        {
            // Two stories share each time, so the key must break ties by id.
            ids.Add(await factory.WaitingStoryAsync(team, start.AddMinutes(i / 2)));
        }

        var client = await factory.SignInAsync(team.Manager);
        var first = await client.GetDocumentAsync("/Review");
        var more = first.QuerySelector("a[href*='after=']")!;
        Assert.Equal("Show more", more.TextContent.Trim());
        var second = await client.GetDocumentAsync(more.GetAttribute("href")!);

        static IEnumerable<int> Listed(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("[data-story-id]").Select(e => int.Parse(e.GetAttribute("data-story-id")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ids, Listed(first).Concat(Listed(second)));
        Assert.Null(second.QuerySelector("a[href*='after=']"));
    }

    [Fact]
    public async Task A_key_that_cannot_be_read_shows_the_first_page()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);

        var page = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review?after=not-a-key");

        Assert.NotNull(page.QuerySelector($"[data-story-id='{id}']"));
    }
}
