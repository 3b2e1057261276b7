using CareStories.Domain.Notifications;
using CareStories.Domain.Paging;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Notifications;

/// <summary>The bell, the list behind it, opening and marking notifications read, as the right and the wrong person.</summary>
public sealed class NotificationTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Bell_counts_only_my_unread_notifications()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var other = await factory.Data.PersonAsync();
        await NotifyAsync(me, storyId, NotificationKind.StoryPublished, count: 3);
        await NotifyAsync(me, storyId, NotificationKind.StoryCommented, read: true);
        await NotifyAsync(other, storyId, NotificationKind.StoryCelebrated, count: 2);

        var home = await (await factory.SignInAsync(me)).GetDocumentAsync("/");

        var bell = home.QuerySelector("a.nav-bell")!;
        Assert.Equal("/Notifications", bell.GetAttribute("href"));
        Assert.Equal("3", bell.QuerySelector(".nav-bell-count [aria-hidden=true]")!.TextContent);
        Assert.Contains("3 unread notifications", bell.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bell_has_no_badge_when_nothing_is_unread_and_visitors_see_no_bell()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        await NotifyAsync(me, storyId, NotificationKind.StoryPublished, read: true);

        var home = await (await factory.SignInAsync(me)).GetDocumentAsync("/");
        var anonymous = await factory.CreateBrowserClient().GetDocumentAsync("/");

        Assert.NotNull(home.QuerySelector("a.nav-bell"));
        Assert.Null(home.QuerySelector(".nav-bell-count"));
        Assert.Null(anonymous.QuerySelector("a.nav-bell"));
    }

    [Fact]
    public async Task List_shows_my_notifications_newest_first_as_sentences_with_unread_ones_marked()
    {
        var (me, storyId, title) = await PersonWithStoryAsync();
        var actor = await factory.Data.PersonAsync();
        var now = factory.Clock.GetUtcNow();
        var older = await NotifyAsync(me, storyId, NotificationKind.StoryPublished, actorId: actor.Id, at: now.AddHours(-2), read: true);
        var newer = await NotifyAsync(me, storyId, NotificationKind.StoryCelebrated, actorId: actor.Id, at: now.AddHours(-1));
        await NotifyAsync(await factory.Data.PersonAsync(), storyId, NotificationKind.StoryCommented);

        var page = await (await factory.SignInAsync(me)).GetDocumentAsync("/Notifications");

        var items = page.QuerySelectorAll("li[data-notification]");
        Assert.Equal([newer[0].ToString(), older[0].ToString()], items.Select(i => i.GetAttribute("data-notification")!));
        Assert.Equal($"{actor.DisplayName} celebrated your story “{title}”", items[0].QuerySelector(".notice-text")!.TextContent);
        Assert.Contains("New", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("notice-unread", items[0].ClassList);
        Assert.DoesNotContain("notice-unread", items[1].ClassList);
        Assert.DoesNotContain("New", items[1].QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(items[0].QuerySelector("time[datetime]"));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_the_story()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var id = (await NotifyAsync(me, storyId, NotificationKind.StoryPublished))[0];
        var client = await factory.SignInAsync(me);

        var response = await OpenAsync(client, id);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/Stories/{storyId}", response.Headers.Location!.OriginalString);
        Assert.NotNull(await ReadAtAsync(id));
        var home = await client.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector(".nav-bell-count"));
    }

    [Fact]
    public async Task Opening_a_review_request_goes_to_the_review_page()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var id = (await NotifyAsync(me, storyId, NotificationKind.StoryWaitingForReview))[0];

        var response = await OpenAsync(await factory.SignInAsync(me), id);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/Review/Story/{storyId}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Nobody_can_open_someone_elses_notification()
    {
        var (owner, storyId, _) = await PersonWithStoryAsync();
        var theirs = (await NotifyAsync(owner, storyId, NotificationKind.StoryPublished))[0];
        var snoop = await factory.SignInAsync(await factory.Data.PersonAsync());

        await snoop.PostWithOwnTokenAsync($"/Notifications?handler=Open&id={theirs}").ShouldBeAsync(HttpStatusCode.NotFound);
        await snoop.PostWithOwnTokenAsync("/Notifications?handler=Open&id=987654321").ShouldBeAsync(HttpStatusCode.NotFound);

        Assert.Null(await ReadAtAsync(theirs));
    }

    [Fact]
    public async Task Mark_all_as_read_marks_mine_and_nobody_elses()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var other = await factory.Data.PersonAsync();
        var mine = await NotifyAsync(me, storyId, NotificationKind.StoryCommented, count: 3);
        var theirs = (await NotifyAsync(other, storyId, NotificationKind.StoryCommented))[0];
        var client = await factory.SignInAsync(me);

        var response = await client.SubmitFormAsync("/Notifications", new(), "main form[action*='handler=ReadAll']");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        foreach (var id in mine)
        {
            Assert.NotNull(await ReadAtAsync(id));
        }

        Assert.Null(await ReadAtAsync(theirs));
        var page = await client.GetDocumentAsync("/Notifications");
        Assert.Contains("3 notifications are marked as read.", page.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".notice-unread"));
        Assert.Null(page.QuerySelector("form[action*='handler=ReadAll']"));
    }

    [Fact]
    public async Task Older_notifications_page_by_key_and_keep_ties_in_order()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var sameInstant = factory.Clock.GetUtcNow().AddMinutes(-5);
        var tied = await NotifyAsync(me, storyId, NotificationKind.StoryCommented, count: 15, at: sameInstant);
        var newest = await NotifyAsync(me, storyId, NotificationKind.StoryPublished, count: 10, at: sameInstant.AddMinutes(1));
        var oldest = await NotifyAsync(me, storyId, NotificationKind.StoryPublished, at: sameInstant.AddMinutes(-1));
        var client = await factory.SignInAsync(me);

        var first = await client.GetDocumentAsync("/Notifications");
        var more = first.QuerySelector("a[href*='after=']")!;
        Assert.Equal("Older notifications", more.TextContent.Trim());
        var second = await client.GetDocumentAsync(more.GetAttribute("href")!);

        var expected = newest.OrderByDescending(id => id).Concat(tied.OrderByDescending(id => id)).Concat(oldest).ToList();
        Assert.Equal(expected.Take(20), Ids(first));
        Assert.Equal(expected.Skip(20), Ids(second));
        Assert.Null(second.QuerySelector("a[href*='after=']"));
        Assert.NotNull(second.QuerySelector("a[href='/Notifications']"));
    }

    [Theory]
    [InlineData("theirs")]
    [InlineData("3155378975999999999.9223372036854775807")]
    [InlineData("1.1")]
    [InlineData("not-a-key")]
    public async Task A_tampered_or_mangled_key_shows_a_page_of_my_own_notifications_never_anyone_elses(string after)
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var other = await factory.Data.PersonAsync();
        var at = factory.Clock.GetUtcNow().AddMinutes(-10);
        var mine = await NotifyAsync(me, storyId, NotificationKind.StoryPublished, count: 3, at: at);
        var theirs = await NotifyAsync(other, storyId, NotificationKind.StoryCommented, count: 3, at: at.AddMinutes(1));
        var key = after == "theirs" ? new PageKey(at.AddMinutes(1), theirs[^1]).ToString() : after;

        var response = await (await factory.SignInAsync(me)).GetAsync($"/Notifications?after={key}");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var shown = Ids(await response.ReadDocumentAsync()).ToList();
        Assert.Equal(after == "1.1" ? [] : mine.OrderByDescending(id => id), shown);
        Assert.DoesNotContain(shown, theirs.Contains);
    }

    [Fact]
    public async Task Someone_with_no_notifications_is_told_what_they_will_hear_about()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync("/Notifications");

        Assert.Empty(page.QuerySelectorAll("li[data-notification]"));
        Assert.Contains(
            "You will hear here when your stories are published, sent back, celebrated or commented on.",
            page.QuerySelector(".empty-state")!.TextContent,
            StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=ReadAll']"));
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused()
    {
        var (me, storyId, _) = await PersonWithStoryAsync();
        var id = (await NotifyAsync(me, storyId, NotificationKind.StoryPublished))[0];
        var client = await factory.SignInAsync(me);
        await client.GetDocumentAsync("/Notifications");

        await client.PostAsync($"/Notifications?handler=Open&id={id}", new FormUrlEncodedContent([])).ShouldBeAsync(HttpStatusCode.BadRequest);
        await client.PostAsync("/Notifications?handler=ReadAll", new FormUrlEncodedContent([])).ShouldBeAsync(HttpStatusCode.BadRequest);

        Assert.Null(await ReadAtAsync(id));
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var client = factory.CreateBrowserClient();

        (await client.GetAsync("/Notifications")).ShouldRedirectToSignIn();
    }

    [Fact]
    public async Task The_list_and_the_bell_ask_the_same_number_of_questions_for_few_or_many_notifications()
    {
        var (app, counter) = SqlCommandCounter.ForApp(factory);
        using var _ = app;
        var (few, fewStory, _) = await PersonWithStoryAsync();
        var (many, manyStory, _) = await PersonWithStoryAsync();
        await NotifyAsync(few, fewStory, NotificationKind.StoryPublished, count: 2);
        await NotifyAsync(many, manyStory, NotificationKind.StoryCelebrated, count: 30, actorId: few.Id);
        var fewClient = await SqlCommandCounter.SignInAsync(app, few);
        var manyClient = await SqlCommandCounter.SignInAsync(app, many);

        var forFew = await counter.CountAsync(() => fewClient.GetDocumentAsync("/Notifications"));
        var forMany = await counter.CountAsync(() => manyClient.GetDocumentAsync("/Notifications"));

        Assert.Equal(forFew, forMany);
        Assert.InRange(forMany, 1, 4);
    }

    private static IEnumerable<long> Ids(IDocument page) =>
        page.QuerySelectorAll("li[data-notification]").Select(li => long.Parse(li.GetAttribute("data-notification")!, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, long id)
    {
        var page = await client.GetDocumentAsync("/Notifications");
        return await client.SubmitFormAsync(page, "/Notifications", new(), $"li[data-notification='{id}'] form");
    }

    private async Task<(TestPerson Person, int StoryId, string Title)> PersonWithStoryAsync()
    {
        var person = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [person]);
        var storyId = await factory.Data.StoryAsync(person, team, s => s.Submit(person.Id, factory.Clock.GetUtcNow()));
        var title = await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == storyId).Select(s => s.Title).SingleAsync());
        return (person, storyId, title);
    }

    private Task<List<long>> NotifyAsync(
        TestPerson recipient, int storyId, NotificationKind kind, int count = 1, string? actorId = null, DateTimeOffset? at = null, bool read = false) =>
        factory.WithDbAsync(async db =>
        {
            var when = at ?? factory.Clock.GetUtcNow();
            var rows = Enumerable.Range(0, count).Select(_ => new Notification(recipient.Id, kind, storyId, actorId, when)).ToList();
            if (read)
            {
                rows.ForEach(n => n.MarkRead(when));
            }

            db.Notifications.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(n => n.Id).ToList();
        });

    private Task<DateTimeOffset?> ReadAtAsync(long id) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync());
}
