using System.Text.Json;
using CareStories.Web.Tests.Recognition;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// A feed page's cards are kept per story, under that story's stamp and the stamp of changes not about stories: a
/// change to one story rebuilds the page, but reads and renders again only that story's card, and every change is
/// still on the very next read. "Read again" is seen in the SQL: the cards' command names the stories it reads.
/// </summary>
public sealed class FeedCardCacheTests(FeedFactory factory) : IClassFixture<FeedFactory>
{
    [Fact]
    public async Task Applause_on_one_story_rebuilds_only_that_card_of_the_feed()
    {
        var other = await factory.PublishedStoryAsync();
        var applauded = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var applauder = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains(other.Id, (await reader.GetDocumentAsync("/Feed")).AllIds());

        await applauder.SubmitFormAsync(applauded.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);

        factory.Sql.Clear();
        var feed = await reader.GetDocumentAsync("/Feed");
        Assert.Contains("1 applause", feed.Card(applauded.Id).Text());
        Assert.Contains("0 applause", feed.Card(other.Id).Text());
        var cardReads = factory.Sql.Commands.Where(c => c.Text.Contains("\"Applause\"", StringComparison.Ordinal)).ToList();
        var read = Assert.Single(cardReads);
        Assert.Equal([applauded.Id], StoryIdsIn(read));
    }

    [Fact]
    public async Task A_comment_shows_on_the_very_next_feed_read_of_its_maker_and_of_another_reader()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var writer = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains("0 comments", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());

        await writer.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = TestData.Unique("Well done") }, "form.comment-form")
            .ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains("1 comment", (await writer.GetDocumentAsync("/Feed")).Card(story.Id).Text());
        Assert.Contains("1 comment", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
    }

    [Fact]
    public async Task A_heros_new_name_is_on_the_very_next_read_of_a_cached_card()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains(hero.DisplayName, (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
        var newName = TestData.Unique("Renamed hero");

        await factory.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Id == hero.Id);
            person.Rename(newName, null);
            await db.SaveChangesAsync();
        });

        Assert.Contains(newName, (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
    }

    [Fact]
    public async Task Applause_replaces_what_the_cache_kept_of_the_feed_and_the_story_page_instead_of_adding_to_it()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var applauder = await factory.SignInAsync(await factory.Data.PersonAsync());
        var cache = factory.Services.GetRequiredService<CareStories.Web.Freshness.SharedContentCache>();
        await reader.GetDocumentAsync("/Feed");
        await reader.GetDocumentAsync(story.Url);
        var kept = cache.Count;

        await applauder.SubmitFormAsync(story.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("1 applause", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
        Assert.Equal("1", (await reader.GetDocumentAsync(story.Url)).QuerySelector("[data-applause-count]")?.TextContent);

        // The feed page, its data, the story's card and its markup, the story page's data and parts: each kept once, at
        // the new stamp, in place of the old.
        Assert.Equal(kept, cache.Count);
    }

    // The story ids a command was given: as parameters of their own, as one array (PostgreSQL) or as one JSON array.
    private static List<int> StoryIdsIn(RecordedCommand command) =>
        [.. command.Parameters.SelectMany(p => p.Value switch
        {
            int id => [id],
            long id => [(int)id],
            IEnumerable<int> ids => ids,
            string json when json.StartsWith('[') => JsonSerializer.Deserialize<int[]>(json) ?? [],
            _ => Array.Empty<int>(),
        }).Order()];
}
