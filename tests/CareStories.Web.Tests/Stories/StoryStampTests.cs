using CareStories.Domain.Fixes;
using CareStories.Web.Tests.Feed;
using CareStories.Web.Tests.Fixes;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Stories;

/// <summary>
/// A story's page is cached under its own stamp and the stamp of changes not about particular stories, not under the
/// one every save renews: a change to another story must leave it cached, while every change it shows is still on the
/// very next read. "Rebuilt" is seen in the SQL: a cached page reads no applause or comments.
/// </summary>
public sealed class StoryStampTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    [Fact]
    public async Task Applause_on_one_story_does_not_rebuild_another_storys_page()
    {
        var applauded = await factory.PublishedStoryAsync();
        var other = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var applauder = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.NotNull((await reader.GetDocumentAsync(other.Url)).QuerySelector("h1"));

        await applauder.SubmitFormAsync(applauded.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);

        factory.Sql.Clear();
        Assert.NotNull((await reader.GetDocumentAsync(other.Url)).QuerySelector("h1"));
        Assert.DoesNotContain(factory.Sql.Commands, ReadsRecognition);
        // The applauded story's page is rebuilt, and its maker sees the change on their next read.
        factory.Sql.Clear();
        var applaudersView = await applauder.GetDocumentAsync(applauded.Url);
        Assert.Contains(factory.Sql.Commands, ReadsRecognition);
        Assert.Equal("true", applaudersView.QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
        Assert.Equal("1", (await reader.GetDocumentAsync(applauded.Url)).QuerySelector("[data-applause-count]")?.TextContent);
    }

    [Fact]
    public async Task After_applause_on_another_story_a_story_page_read_again_asks_only_for_its_stamps()
    {
        var applauded = await factory.PublishedStoryAsync();
        var other = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var applauder = await factory.SignInAsync(await factory.Data.PersonAsync());
        await reader.GetDocumentAsync(other.Url);

        await applauder.SubmitFormAsync(applauded.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);

        // Its access facts, its fixes and its latitude are kept under the story's own stamps too, not under the one
        // every save renews: the one command is the stamps' (with the bell).
        factory.Sql.Clear();
        var page = await reader.GetDocumentAsync(other.Url);
        Assert.NotNull(page.QuerySelector("#fixes"));
        Assert.Single(factory.Sql.Commands);
    }

    [Fact]
    public async Task A_fix_for_the_earlier_story_is_on_the_next_read_of_a_cached_page_of_the_story_that_repeats_it()
    {
        var team = await factory.FixTeamAsync();
        var earlier = await factory.PublishedStoryAsync();
        var later = await factory.PublishedStoryAsync();
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            db.StoryRepeats.Add(StoryRepeat.Mark(later.Id, earlier.Id, null, now.AddDays(-1), later.Author.Id, now));
            await db.SaveChangesAsync();
        });
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains("That story has no fix yet.", (await reader.GetDocumentAsync(later.Url)).QuerySelector("[data-repeat-of]")!.TextContent);
        var otherStory = await factory.PublishedStoryAsync();
        var first = await factory.FixAsync(team, earlier.Author, [earlier.Id]);
        Assert.NotNull((await reader.GetDocumentAsync(later.Url)).QuerySelector($"[data-repeat-of] a[href='/Fixes/{first}']"));

        // A fix first raised for another story and then linked to the earlier one too.
        var second = await factory.FixAsync(team, otherStory.Author, [otherStory.Id]);
        Assert.Null((await reader.GetDocumentAsync(later.Url)).QuerySelector($"[data-repeat-of] a[href='/Fixes/{second}']"));
        await factory.WithDbAsync(async db =>
        {
            var fix = await db.Fixes.Include(f => f.Stories).SingleAsync(f => f.Id == second);
            fix.AddStory(earlier.Id, earlier.Author.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        Assert.NotNull((await reader.GetDocumentAsync(later.Url)).QuerySelector($"[data-repeat-of] a[href='/Fixes/{second}']"));

        // The earlier story withdrawn: the page no longer says the later one repeats it.
        await factory.WithDbAsync(async db =>
        {
            var story = await db.Stories.SingleAsync(s => s.Id == earlier.Id);
            story.Withdraw(earlier.Author.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        Assert.Null((await reader.GetDocumentAsync(later.Url)).QuerySelector("[data-repeat-of]"));
    }

    [Fact]
    public async Task A_comment_on_one_story_is_on_its_next_read_and_on_the_feed_but_leaves_another_storys_page_cached()
    {
        var commented = await factory.PublishedStoryAsync();
        var other = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var writer = await factory.SignInAsync(await factory.Data.PersonAsync());
        await reader.GetDocumentAsync(other.Url);
        await writer.GetDocumentAsync("/Feed");
        var words = TestData.Unique("A comment on one story only");

        await writer.SubmitFormAsync(commented.Url, new FormValues { ["NewComment.Text"] = words }, "form.comment-form").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains(words, (await writer.GetDocumentAsync(commented.Url)).QuerySelector("#comments")!.TextContent);
        var card = (await writer.GetDocumentAsync("/Feed")).QuerySelector($"a[href='{commented.Url}']")?.Closest("article");
        Assert.Contains("1 comment", card?.TextContent, StringComparison.Ordinal);
        factory.Sql.Clear();
        await reader.GetDocumentAsync(other.Url);
        Assert.DoesNotContain(factory.Sql.Commands, ReadsRecognition);
    }

    [Fact]
    public async Task A_heros_new_name_is_on_the_very_next_read_of_every_cached_story_page()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains(hero.DisplayName, (await reader.GetDocumentAsync(story.Url)).QuerySelector("main")!.TextContent);
        var newName = TestData.Unique("Renamed hero");

        await factory.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Id == hero.Id);
            person.Rename(newName, null);
            await db.SaveChangesAsync();
        });

        Assert.Contains(newName, (await reader.GetDocumentAsync(story.Url)).QuerySelector("main")!.TextContent);
    }

    // What only the shared part of a story page reads: its applause and comments.
    private static bool ReadsRecognition(RecordedCommand command) =>
        command.Text.Contains("\"Applause\"", StringComparison.Ordinal) || command.Text.Contains("\"Comments\"", StringComparison.Ordinal);
}
