using CareStories.Domain.Fixes;
using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Fixes;

/// <summary>A done fix is recognised: celebrated like a story, on its doers' records and the feed; repeats show on it.</summary>
public sealed class FixRecognitionTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_leader_celebrates_a_done_fix_with_a_badge_and_the_people_credited_hear()
    {
        var team = await factory.FixTeamAsync();
        var fix = await factory.FixAsync(team, team.Manager, shape: (f, t) => f.Finish(t, factory.Clock.GetUtcNow()));
        var badge = await factory.BadgeAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var client = await factory.SignInAsync(leader);

        var response = await client.SubmitFormAsync($"/Fixes/{fix}", new FormValues
        {
            ["Celebration.BadgeId"] = badge.Id(),
            ["Celebration.Message"] = "Nobody will meet this problem again.",
        }, "form.celebrate-form");

        var page = await client.FollowAsync(response);
        Assert.Contains("Nobody will meet this problem again.", page.QuerySelector(".celebration")!.TextContent);
        Assert.Contains("You have celebrated this fix.", page.QuerySelector("[data-celebration-note]")!.TextContent);
        Assert.Contains((team.Member.Id, NotificationKind.FixCelebrated), await factory.FixNewsAsync(fix));
    }

    [Fact]
    public async Task Employees_cannot_celebrate_nor_can_anyone_celebrate_a_fix_not_done_or_their_own()
    {
        var team = await factory.FixTeamAsync();
        var open = await factory.FixAsync(team, team.Member);
        var badge = await factory.BadgeAsync();
        var celebration = new FormValues { ["Celebration.BadgeId"] = badge.Id(), ["Celebration.Message"] = "Planted." };

        var employee = await factory.SignInAsync(await factory.Data.PersonAsync());
        await employee.PostWithOwnTokenAsync($"/Fixes/{open}/Celebrate", celebration).ShouldBeAsync(HttpStatusCode.Forbidden);

        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));
        var notDone = await (await leader.PostWithOwnTokenAsync($"/Fixes/{open}/Celebrate", celebration)).ReadDocumentAsync();
        Assert.Contains("Only a done fix can be celebrated.", notDone.QuerySelector("[data-error-summary]")!.TextContent);

        // A manager credited with a fix does not celebrate it.
        var own = await factory.FixAsync(team, team.Member, shape: (f, t) =>
        {
            f.Accept(t, factory.Clock.GetUtcNow());
            f.MarkDone(new FixActor(t.Manager.Id, true), "Done.", [t.Manager.Id], factory.Clock.GetUtcNow());
        });
        var manager = await factory.SignInAsync(team.Manager);
        var refused = await (await manager.PostWithOwnTokenAsync($"/Fixes/{own}/Celebrate", celebration)).ReadDocumentAsync();
        Assert.Contains("credited with", refused.QuerySelector("[data-error-summary]")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.FixCelebrations.AnyAsync(c => c.FixId == open || c.FixId == own)));
    }

    [Fact]
    public async Task A_done_fix_shows_on_the_record_of_the_people_credited_and_on_the_feed_with_the_story_it_prevents()
    {
        var team = await factory.FixTeamAsync();
        var story = await factory.PublishedStoryAsync();
        var fix = await factory.FixAsync(team, story.Author, [story.Id], (f, t) => f.Finish(t, factory.Clock.GetUtcNow().AddMinutes(1)));
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var record = await client.GetDocumentAsync($"/People/{team.Member.Id}");
        var card = record.QuerySelector($"#fixes [data-fix-card='{fix}']")!;
        Assert.Contains("The thing that broke is fixed for good.", card.TextContent);
        Assert.NotNull(card.QuerySelector($"a[href='{story.Url}']"));

        var feed = await client.GetDocumentAsync("/Feed");
        var cards = feed.QuerySelectorAll(".feed-list article").ToList();
        var fixAt = cards.FindIndex(c => c.GetAttribute("data-fix-card") == fix.Id());
        var storyAt = cards.FindIndex(c => c.QuerySelector($"a[href='{story.Url}']") is not null && c.GetAttribute("data-fix-card") is null);
        Assert.True(fixAt >= 0 && fixAt < storyAt, "The fix, done after the story was published, comes before it on the feed.");
        Assert.Empty((await client.GetDocumentAsync($"/Feed?value={await factory.Data.ValueAsync()}")).QuerySelectorAll("[data-fix-card]"));
    }

    [Fact]
    public async Task Only_a_storys_author_says_it_repeats_an_earlier_one_and_it_shows_on_the_earlier_storys_fix()
    {
        var team = await factory.FixTeamAsync();
        var earlier = await factory.PublishedStoryAsync();
        var fix = await factory.FixAsync(team, earlier.Author, [earlier.Id], (f, t) => f.Finish(t, factory.Clock.GetUtcNow()));
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var later = await factory.PublishedStoryAsync();
        await factory.WithDbAsync(async db =>
        {
            // The later story happened after the earlier was published.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Stories\" SET \"OccurredOn\" = {0} WHERE \"Id\" = {1}", new DateOnly(2026, 3, 12), later.Id);
        });

        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());
        await stranger.PostWithOwnTokenAsync($"/Fixes/Repeat/{later.Id}", new FormValues { ["RepeatOfStoryId"] = earlier.Id.Id() })
            .ShouldBeAsync(HttpStatusCode.Forbidden);

        var author = await factory.SignInAsync(later.Author);
        var response = await author.SubmitFormAsync($"/Fixes/Repeat/{later.Id}", new FormValues { ["RepeatOfStoryId"] = earlier.Id.Id() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var storyPage = await author.GetDocumentAsync(later.Url);
        Assert.Contains("It repeats", storyPage.QuerySelector("[data-repeat-of]")!.TextContent);
        var fixPage = await author.GetDocumentAsync($"/Fixes/{fix}");
        Assert.NotNull(fixPage.QuerySelector($"[data-repeats] a[href='{later.Url}']"));

        var again = await (await author.PostWithOwnTokenAsync($"/Fixes/Repeat/{later.Id}", new FormValues { ["RepeatOfStoryId"] = earlier.Id.Id() })
            .ShouldBeAsync(HttpStatusCode.OK)).ReadDocumentAsync();
        Assert.Contains("already says it repeats", again.QuerySelector("[data-error-summary]")!.TextContent);
    }

    [Fact]
    public async Task Every_fix_page_is_valid_html()
    {
        var team = await factory.FixTeamAsync();
        var story = await factory.PublishedStoryAsync();
        var now = factory.Clock.GetUtcNow();
        var proposed = await factory.FixAsync(team, story.Author, [story.Id]);
        var accepted = await factory.FixAsync(team, story.Author, shape: (f, t) => f.Accept(t, now));
        var done = await factory.FixAsync(team, story.Author, [story.Id], (f, t) => f.Finish(t, now));
        await factory.BadgeAsync();
        var pages = new Dictionary<string, string>();
        var manager = await factory.SignInAsync(team.Manager);
        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));
        var author = await factory.SignInAsync(story.Author);
        foreach (var (who, client, url) in new[]
        {
            ("manager", manager, $"/Fixes/{proposed}"), ("manager", manager, $"/Fixes/{proposed}/Decide"), ("manager", manager, $"/Fixes/{accepted}"),
            ("manager", manager, $"/Fixes/{accepted}/Progress"), ("leader", leader, $"/Fixes/{done}"), ("leader", leader, $"/Fixes/{done}/Celebrate"),
            ("author", author, "/Fixes"), ("author", author, "/Fixes/New"), ("author", author, $"/Fixes/New?storyId={story.Id}"),
            ("author", author, $"/Fixes/Team/{team.Id}"), ("author", author, $"/Fixes/Repeat/{story.Id}"), ("author", author, story.Url),
            ("author", author, $"/People/{team.Member.Id}"), ("author", author, "/Feed"), ("author", author, "/Fixes?team=0&status=done&mine=owned&overdue=true"),
        })
        {
            var response = await client.GetAsync(url);
            await response.ShouldBeAsync(HttpStatusCode.OK);
            pages[$"{who}: {url}"] = await response.Content.ReadAsStringAsync();
        }

        pages["manager: a decline without a reason"] = await (await manager.SubmitFormAsync($"/Fixes/{proposed}", new FormValues(), "form.fix-decline-form")).Content.ReadAsStringAsync();
        pages["author: an empty idea"] = await (await author.SubmitFormAsync("/Fixes/New", new FormValues())).Content.ReadAsStringAsync();

        var errors = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors on {pages.Count} pages:\n" + string.Join("\n", errors.Take(40)));
    }
}
