using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Stories;

/// <summary>The main menu marks where a story page was reached from, not "My stories" for every story.</summary>
public sealed class StoryMenuTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_colleagues_published_story_is_read_under_the_feed()
    {
        var story = await factory.PublishedStoryAsync();

        var page = await (await factory.SignInAsync(await factory.Data.PersonAsync())).GetDocumentAsync(story.Url);

        Assert.Equal(["Feed"], CurrentMenuEntries(page));
    }

    [Fact]
    public async Task A_draft_is_under_my_stories()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var draft = await factory.Data.StoryAsync(author, team);

        var page = await (await factory.SignInAsync(author)).GetDocumentAsync($"/Stories/{draft}");

        Assert.Equal(["My stories"], CurrentMenuEntries(page));
    }

    private static List<string> CurrentMenuEntries(IHtmlDocument page) =>
        page.QuerySelectorAll("#main-nav a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();
}
