using System.Globalization;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Feed;

/// <summary>
/// The feed's shared part is cached per change stamp: every change anyone can see must be on the very next read,
/// and nothing about one person may reach another through the cache. Each test reads the feed first, so the page is
/// cached, then changes something through the app's own pages and reads again.
/// </summary>
public sealed class FeedFreshnessTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_celebration_is_on_the_very_next_feed_read()
    {
        var story = await factory.PublishedStoryAsync();
        var badge = await factory.BadgeAsync();
        var reader = await CachedFeedReaderAsync(story.Id);
        var manager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));

        await manager.SubmitFormAsync(story.Url, new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "Thank you for this.",
        }, "form.celebrate-form").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains("Celebrated by 1 person", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
    }

    [Fact]
    public async Task An_applause_is_on_the_very_next_feed_read()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await CachedFeedReaderAsync(story.Id);
        Assert.Contains("0 applause", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
        var colleague = await factory.SignInAsync(await factory.Data.PersonAsync());

        await colleague.SubmitFormAsync(story.Url, [], "form[action$='/Applause']").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains("1 applause", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
    }

    [Fact]
    public async Task A_feature_pins_the_story_on_the_very_next_feed_read()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await CachedFeedReaderAsync(story.Id);
        Assert.DoesNotContain(story.Id, (await reader.GetDocumentAsync("/Feed")).FeaturedIds());
        var leader = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        await leader.SubmitFormAsync(story.Url, [], "form[action$='/Feature']").ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains(story.Id, (await reader.GetDocumentAsync("/Feed")).FeaturedIds());
    }

    [Fact]
    public async Task A_redacted_quote_is_gone_from_the_very_next_feed_read()
    {
        var words = TestData.Unique("Words the customer took back");
        var (story, quoteId) = await factory.QuotedStoryAsync(words);
        var storyId = story.Id;
        var reader = await CachedFeedReaderAsync(storyId);
        Assert.Contains(words, (await reader.GetDocumentAsync("/Feed")).Card(storyId).Text());
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await admin.SubmitFormAsync($"/Admin/Quotes/{quoteId}/Redact", new() { ["Input.Part"] = "Text", ["Input.Reason"] = "The customer asked." })
            .ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.DoesNotContain(words, (await reader.GetDocumentAsync("/Feed")).Card(storyId).Text());
    }

    [Fact]
    public async Task A_comment_taken_down_leaves_the_count_on_the_very_next_feed_read()
    {
        var story = await factory.PublishedStoryAsync();
        var commentId = await factory.CommentAsync(story.Id, await factory.Data.PersonAsync(), "A comment to take down.");
        var reader = await CachedFeedReaderAsync(story.Id);
        Assert.Contains("1 comment", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await admin.SubmitFormAsync($"/Admin/Comments/{commentId}/Hide", new() { ["Input.HiddenReason"] = "Names a customer." })
            .ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Contains("0 comments", (await reader.GetDocumentAsync("/Feed")).Card(story.Id).Text());
    }

    [Fact]
    public async Task A_renamed_team_is_in_the_filters_on_the_very_next_feed_read()
    {
        var team = await factory.Data.TeamAsync();
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        await reader.GetDocumentAsync("/Feed");
        var name = TestData.Unique("Renamed team");
        await factory.WithDbAsync(async db =>
        {
            var renamed = await db.Teams.SingleAsync(t => t.Id == team);
            renamed.Update(name, renamed.Kind, renamed.Description);
            await db.SaveChangesAsync();
        });

        var options = (await reader.GetDocumentAsync("/Feed")).QuerySelectorAll("#filter-team option").Select(o => o.TextContent.Trim());
        Assert.Contains(name, options);
    }

    [Fact]
    public async Task A_person_never_sees_another_persons_bell_or_applause_from_the_cache()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(Roles.Employee, Roles.Manager), await factory.BadgeAsync(), "Well done.");
        var applauder = await factory.Data.PersonAsync();
        await factory.ApplaudAsync(story.Id, applauder);
        var heroClient = await factory.SignInAsync(hero);
        var applauderClient = await factory.SignInAsync(applauder);

        // The hero was told of the celebration; the applauder has no news. Both read the same cached feed page.
        var heroFeed = await heroClient.GetDocumentAsync("/Feed");
        var applauderFeed = await applauderClient.GetDocumentAsync("/Feed");
        Assert.Contains(story.Id, heroFeed.AllIds());
        Assert.Equal(heroFeed.AllIds(), applauderFeed.AllIds());
        Assert.NotEqual("0", heroFeed.QuerySelector(".nav-bell")!.GetAttribute("data-unread"));
        Assert.NotNull(heroFeed.QuerySelector(".nav-bell-count"));
        Assert.Equal("0", applauderFeed.QuerySelector(".nav-bell")!.GetAttribute("data-unread"));
        Assert.Null(applauderFeed.QuerySelector(".nav-bell-count"));

        // My applause is mine: the story page says so to the applauder only.
        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Equal("true", (await applauderClient.GetDocumentAsync(story.Url)).QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
        Assert.Equal("false", (await stranger.GetDocumentAsync(story.Url)).QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
    }

    /// <summary>A reader whose feed already shows <paramref name="storyId"/>, so the page is in the cache.</summary>
    private async Task<HttpClient> CachedFeedReaderAsync(int storyId)
    {
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains(storyId, (await reader.GetDocumentAsync("/Feed")).AllIds());
        return reader;
    }
}
