using System.Globalization;
using CareStories.Web.Tests.Photos;
using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Review;

namespace CareStories.Web.Tests.Stories;

/// <summary>
/// A published story's page is read from a cache shared by all its readers, filed under the change stamp: every
/// change anyone can see must be on the very next read, and nothing about one reader (my applause, my comment's
/// links, an Admin's moderation record) may reach another through the cache. Each test has the page read first, so
/// it is cached, then changes it through the app's own forms and reads again.
/// </summary>
public sealed class StoryPageFreshnessTests(PhotoFactory factory) : IClassFixture<PhotoFactory>
{
    [Fact]
    public async Task An_applause_and_its_taking_back_are_on_the_very_next_story_page_read()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await CachedReaderAsync(story.Url);
        var colleague = await factory.SignInAsync(await factory.Data.PersonAsync());

        await colleague.SubmitFormAsync(story.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);

        var page = await reader.GetDocumentAsync(story.Url);
        Assert.Equal("1", page.QuerySelector("[data-applause-count]")?.TextContent);
        Assert.Equal("false", page.QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
        Assert.Equal("true", (await colleague.GetDocumentAsync(story.Url)).QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));

        await colleague.SubmitFormAsync(story.Url, [], "form[action*='/Applause']")
            .ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Null((await reader.GetDocumentAsync(story.Url)).QuerySelector("[data-applause-count]"));
        Assert.Equal("false", (await colleague.GetDocumentAsync(story.Url)).QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_comment_is_on_the_very_next_story_page_read_and_only_its_writer_may_edit_it()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await CachedReaderAsync(story.Url);
        var writer = await factory.SignInAsync(await factory.Data.PersonAsync());
        var words = TestData.Unique("What this story taught me");

        await writer.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = words }, "form.comment-form").ShouldBeAsync(HttpStatusCode.Redirect);

        var readersView = await reader.GetDocumentAsync(story.Url);
        Assert.Contains(words, readersView.QuerySelector("#comments")!.TextContent);
        Assert.Empty(readersView.QuerySelectorAll("#comments .comment-actions"));
        var writersView = await writer.GetDocumentAsync(story.Url);
        Assert.Single(writersView.QuerySelectorAll("#comments .comment-actions a[href*='/Comments/']"));
    }

    [Fact]
    public async Task A_celebration_is_on_the_very_next_story_page_read_and_only_its_giver_is_told_they_gave_it()
    {
        var story = await factory.PublishedStoryAsync();
        var badge = await factory.BadgeAsync();
        var reader = await CachedReaderAsync(story.Url);
        var manager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));
        var otherManager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));
        Assert.NotNull((await otherManager.GetDocumentAsync(story.Url)).QuerySelector("form.celebrate-form"));
        var message = TestData.Unique("Exactly what we hope for");

        await manager.SubmitFormAsync(story.Url, new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(CultureInfo.InvariantCulture),
            ["Celebration.Message"] = message,
        }, "form.celebrate-form").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains(message, (await reader.GetDocumentAsync(story.Url)).QuerySelector("#celebrations")!.TextContent);
        var giversView = await manager.GetDocumentAsync(story.Url);
        Assert.Null(giversView.QuerySelector("form.celebrate-form"));
        Assert.Equal("You have celebrated this story.", giversView.QuerySelector("[data-celebration-note]")?.TextContent.Trim());
        var othersView = await otherManager.GetDocumentAsync(story.Url);
        Assert.NotNull(othersView.QuerySelector("form.celebrate-form"));
        Assert.Null(othersView.QuerySelector("[data-celebration-note]"));
    }

    [Fact]
    public async Task A_redacted_quote_is_gone_from_the_very_next_story_page_read()
    {
        var words = TestData.Unique("Words the customer took back");
        var (story, quoteId) = await factory.QuotedStoryAsync(words);
        var storyId = story.Id;
        var reader = await CachedReaderAsync($"/Stories/{storyId}");
        Assert.Contains(words, (await reader.GetDocumentAsync($"/Stories/{storyId}")).QuerySelector("#quotes")!.TextContent);
        var admin = await AdminAsync();

        await admin.SubmitFormAsync($"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Text", ["Input.Reason"] = "The customer asked." })
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var page = await reader.GetDocumentAsync($"/Stories/{storyId}");
        Assert.DoesNotContain(words, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("#quotes [data-redacted]"));
    }

    [Fact]
    public async Task A_hidden_comment_is_hidden_on_the_very_next_read_and_its_text_reaches_only_admins()
    {
        var story = await factory.PublishedStoryAsync();
        var words = TestData.Unique("A comment naming a customer");
        var writer = await factory.Data.PersonAsync();
        var commentId = await factory.CommentAsync(story.Id, writer, words);
        var reader = await CachedReaderAsync(story.Url);
        Assert.Contains(words, (await reader.GetDocumentAsync(story.Url)).QuerySelector("#comments")!.TextContent);
        var admin = await AdminAsync();

        await admin.SubmitFormAsync($"/Admin/Comments/{commentId}/Hide", new() { ["Input.HiddenReason"] = "Names a customer." })
            .ShouldBeAsync(HttpStatusCode.Redirect);

        // The Admin reads first, so the page is cached with the hidden text and who hid it; the others still never see them.
        var adminsView = await admin.GetDocumentAsync(story.Url);
        Assert.Contains(words, adminsView.QuerySelector("#comments [data-moderation]")!.TextContent);
        Assert.Contains("Names a customer.", adminsView.QuerySelector("#comments [data-moderation]")!.TextContent);
        foreach (var client in new[] { reader, await factory.SignInAsync(writer) })
        {
            var page = await client.GetDocumentAsync(story.Url);
            Assert.DoesNotContain(words, page.Body!.TextContent);
            Assert.DoesNotContain("Names a customer.", page.Body!.TextContent);
            Assert.Null(page.QuerySelector("[data-moderation]"));
            Assert.NotNull(page.QuerySelector($"#comment-{commentId}.is-hidden"));
        }
    }

    [Fact]
    public async Task A_photo_taken_down_is_gone_from_the_very_next_story_page_read()
    {
        var team = await factory.ReviewTeamAsync();
        var storyId = await factory.Data.StoryAsync(team.Author, team.TeamId);
        var author = await factory.SignInAsync(team.Author);
        await author.UploadAsync(storyId, PhotoTestKit.Jpeg(), "Ana at her front door").ShouldBeAsync(HttpStatusCode.Redirect);
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.History).SingleAsync(s => s.Id == storyId);
            story.Submit(story.AuthorId, factory.Clock.GetUtcNow());
            story.Publish(team.Manager.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var photo = await factory.WithDbAsync(db => db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => new { p.Id, p.StorageKey }).SingleAsync());
        var url = $"/Stories/{storyId}";
        var reader = await CachedReaderAsync(url);
        Assert.NotNull((await reader.GetDocumentAsync(url)).QuerySelector($"#photos img[src*='{photo.StorageKey}']"));
        var admin = await AdminAsync();

        await admin.SubmitFormAsync($"/Admin/Photos/{photo.Id}/Remove", new() { ["Input.Reason"] = "Shows the customer's licence plate." })
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var page = await reader.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector($"img[src*='{photo.StorageKey}']"));
        Assert.DoesNotContain("licence plate", page.Body!.TextContent);
        Assert.Contains("licence plate", (await author.GetDocumentAsync(url)).QuerySelector("#photos [data-photo-takedowns]")!.TextContent);
    }

    [Fact]
    public async Task Each_reader_of_one_cached_story_page_sees_only_their_own_applause_and_actions()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var applauder = await factory.Data.PersonAsync();
        await factory.ApplaudAsync(story.Id, applauder);
        var commenter = await factory.Data.PersonAsync();
        var commentId = await factory.CommentAsync(story.Id, commenter, "Lovely to read.");
        var admin = await AdminAsync();

        // The Admin fills the cache; then each reader in turn.
        var adminsView = await admin.GetDocumentAsync(story.Url);
        Assert.NotNull(adminsView.QuerySelector($"#comment-{commentId} [data-hide-link]"));
        var applaudersView = await (await factory.SignInAsync(applauder)).GetDocumentAsync(story.Url);
        var heroesView = await (await factory.SignInAsync(hero)).GetDocumentAsync(story.Url);
        var commentersView = await (await factory.SignInAsync(commenter)).GetDocumentAsync(story.Url);
        var strangersView = await (await factory.SignInAsync(await factory.Data.PersonAsync())).GetDocumentAsync(story.Url);

        Assert.Equal("true", applaudersView.QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
        Assert.StartsWith("You applauded", applaudersView.QuerySelector("[data-applause-summary]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(heroesView.QuerySelector(".applaud-button"));
        Assert.NotNull(heroesView.QuerySelector("[data-applause-own]"));
        foreach (var other in new[] { commentersView, strangersView })
        {
            Assert.Equal("false", other.QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
            Assert.DoesNotContain("You", other.QuerySelector("[data-applause-summary]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.NotNull(commentersView.QuerySelector($"#comment-{commentId} .comment-actions"));
        foreach (var other in new[] { applaudersView, heroesView, strangersView })
        {
            Assert.Null(other.QuerySelector($"#comment-{commentId} .comment-actions"));
            Assert.Null(other.QuerySelector("[data-hide-link], [data-redact-link]"));
            Assert.Null(other.QuerySelector(".feature-bar"));
        }
    }

    [Fact]
    public async Task A_page_first_read_by_a_reader_with_no_controls_still_shows_everyone_else_their_own()
    {
        var words = TestData.Unique("They stayed on the line until it worked");
        var (story, _) = await factory.QuotedStoryAsync(words);
        var (storyId, author, url) = (story.Id, story.Author, story.Url);
        var commenter = await factory.Data.PersonAsync();
        var commentId = await factory.CommentAsync(storyId, commenter, "Lovely to read.");

        // A reader who sees every part as others do reads first, so each part is kept as that reader's markup.
        var stranger = await (await factory.SignInAsync(await factory.Data.PersonAsync())).GetDocumentAsync(url);
        var authorsView = await (await factory.SignInAsync(author)).GetDocumentAsync(url);
        var adminsView = await (await AdminAsync()).GetDocumentAsync(url);
        var commentersView = await (await factory.SignInAsync(commenter)).GetDocumentAsync(url);
        var managersView = await (await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager))).GetDocumentAsync(url);
        var anotherStranger = await (await factory.SignInAsync(await factory.Data.PersonAsync())).GetDocumentAsync(url);

        Assert.NotNull(authorsView.QuerySelector(".page-head form[action*='Withdraw']"));
        Assert.NotNull(authorsView.QuerySelector("[data-applause-own]"));
        Assert.NotNull(adminsView.QuerySelector("#quotes [data-redact-link]"));
        Assert.NotNull(adminsView.QuerySelector($"#comment-{commentId} [data-hide-link]"));
        Assert.NotNull(commentersView.QuerySelector($"#comment-{commentId} .comment-actions form[action*='/Delete']"));
        Assert.NotNull(managersView.QuerySelector("form.celebrate-form"));
        foreach (var view in new[] { stranger, anotherStranger })
        {
            Assert.Contains(words, view.QuerySelector("#quotes")!.TextContent);
            Assert.Contains("Lovely to read.", view.QuerySelector($"#comment-{commentId}")!.TextContent);
            Assert.Null(view.QuerySelector(".page-head form, .comment-actions, [data-redact-link], [data-hide-link], form.celebrate-form, [data-applause-own]"));
            Assert.Equal("false", view.QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
        }

        // Each form on the kept page carries the token of the reader it was sent to: the second stranger's applause is taken.
        var second = await factory.SignInAsync(await factory.Data.PersonAsync());
        await second.SubmitFormAsync(url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("true", (await second.GetDocumentAsync(url)).QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
    }

    private async Task<HttpClient> AdminAsync() => await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

    /// <summary>A reader who has just read <paramref name="url"/>, so the page's shared part is in the cache.</summary>
    private async Task<HttpClient> CachedReaderAsync(string url)
    {
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.NotNull((await reader.GetDocumentAsync(url)).QuerySelector("h1"));
        return reader;
    }
}
