using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Stories;

/// <summary>
/// The story page keeps the markup every reader shares (its text, the credited panel, the history) under the change
/// stamp, and takes a reading page's access check from the cache too: a change anyone can see is on the very next
/// read, and the per-reader parts beside the kept markup stay each reader's own.
/// </summary>
public sealed class StoryMarkupCacheTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task A_hero_renamed_is_on_the_very_next_story_page_read()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.Contains(hero.DisplayName, Credited(await reader.GetDocumentAsync(story.Url)));
        var renamed = TestData.Unique("Renamed");

        await factory.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Id == hero.Id);
            person.Rename(renamed, null);
            await db.SaveChangesAsync();
        });

        var page = await reader.GetDocumentAsync(story.Url);
        Assert.Contains(renamed, Credited(page));
        Assert.DoesNotContain(hero.DisplayName, Credited(page));
    }

    [Fact]
    public async Task A_story_withdrawn_after_its_page_was_kept_is_refused_to_a_colleague_at_once()
    {
        var story = await factory.PublishedStoryAsync();
        var author = await factory.SignInAsync(story.Author);
        var colleague = await factory.SignInAsync(await factory.Data.PersonAsync());
        await colleague.GetAsync(story.Url).ShouldBeAsync(HttpStatusCode.OK);

        await author.SubmitFormAsync(story.Url, [], "form[action*='handler=Withdraw']").ShouldBeAsync(HttpStatusCode.Redirect);

        await colleague.GetAsync(story.Url).ShouldBeAsync(HttpStatusCode.NotFound);
        await author.GetAsync(story.Url).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_author_and_an_admin_see_their_own_actions_beside_the_kept_markup_and_a_colleague_none()
    {
        var story = await factory.PublishedStoryAsync();
        var author = await factory.SignInAsync(story.Author);
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        var colleague = await factory.SignInAsync(await factory.Data.PersonAsync());

        for (var round = 0; round < 2; round++)
        {
            var authorPage = await author.GetDocumentAsync(story.Url);
            var adminPage = await admin.GetDocumentAsync(story.Url);
            var colleaguePage = await colleague.GetDocumentAsync(story.Url);

            Assert.NotNull(authorPage.QuerySelector("form[action*='handler=Withdraw']"));
            Assert.Null(adminPage.QuerySelector("form[action*='handler=Withdraw']"));
            Assert.Null(colleaguePage.QuerySelector("form[action*='handler=Withdraw']"));
            Assert.Equal(Credited(authorPage), Credited(colleaguePage));
            Assert.Equal(Credited(adminPage), Credited(colleaguePage));
        }
    }

    private static string Credited(IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll("aside .hero-item").Select(h => h.TextContent.Trim()));
}
