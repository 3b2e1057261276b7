using CareStories.Web.Tests.Fixes;
using CareStories.Web.Tests.Photos;
using CareStories.Web.Tests.Recognition;

namespace CareStories.Web.Tests.Stories;

/// <summary>
/// For a reader whose view of a story holds nothing of their own (not its author, not an Admin, no celebrate form, no
/// applause or comment of theirs), the whole body of the story page is kept as markup and sent to every such reader.
/// Its forms carry each reader's own antiforgery token, written in per response, and what depends on the day or on
/// another story still changes when that does.
/// </summary>
public sealed class KeptStoryBodyTests(PhotoFactory factory) : IClassFixture<PhotoFactory>
{
    private const string TokenField = "input[name='__RequestVerificationToken']";

    [Fact]
    public async Task A_kept_story_page_carries_each_readers_own_form_token_never_the_first_readers()
    {
        // Everyone is made before the first read: a new person renews the stamp of what every story page shows.
        var story = await factory.PublishedStoryAsync();
        var first = await factory.SignInAsync(await factory.Data.PersonAsync());
        var second = await factory.SignInAsync(await factory.Data.PersonAsync());
        var firstPage = await first.GetDocumentAsync(story.Url);
        var secondHtml = await (await second.GetAsync(story.Url)).Content.ReadAsStringAsync();
        var secondPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(secondHtml);

        var firstTokens = firstPage.QuerySelectorAll(TokenField).Select(t => t.GetAttribute("value")).Distinct().ToList();
        var secondTokens = secondPage.QuerySelectorAll(TokenField).Select(t => t.GetAttribute("value")).Distinct().ToList();
        var firstToken = Assert.Single(firstTokens);
        var secondToken = Assert.Single(secondTokens);
        Assert.False(string.IsNullOrEmpty(secondToken));
        Assert.NotEqual(firstToken, secondToken);
        Assert.DoesNotContain(firstToken!, secondHtml, StringComparison.Ordinal);

        // Every form of the kept body has its token field, the applause and the comment form among them.
        Assert.NotNull(secondPage.QuerySelector($"form[action$='/Applause'] {TokenField}"));
        Assert.NotNull(secondPage.QuerySelector($"form.comment-form {TokenField}"));

        var words = TestData.Unique("Posted with the token of my own page");
        await second.SubmitFormAsync(story.Url, new FormValues { ["NewComment.Text"] = words }, "form.comment-form").ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains(words, (await first.GetDocumentAsync(story.Url)).QuerySelector("#comments")!.TextContent);
    }

    [Fact]
    public async Task A_fix_on_a_kept_story_page_is_overdue_the_day_after_its_target_date_with_no_change_saved()
    {
        var story = await factory.PublishedStoryAsync();
        var team = await factory.FixTeamAsync();
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        await factory.FixAsync(team, team.Manager, [story.Id], (fix, t) => fix.Accept(t, factory.Clock.GetUtcNow(), today.AddDays(1)));
        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var another = await factory.SignInAsync(await factory.Data.PersonAsync());
        Assert.NotNull((await reader.GetDocumentAsync(story.Url)).QuerySelector("[data-story-fixes]"));
        Assert.Null((await another.GetDocumentAsync(story.Url)).QuerySelector("#fixes .status-overdue"));

        factory.Clock.Advance(TimeSpan.FromDays(2));

        Assert.NotNull((await another.GetDocumentAsync(story.Url)).QuerySelector("#fixes .status-overdue"));
    }

    [Fact]
    public async Task A_credited_colleague_and_a_stranger_reading_after_each_other_each_see_their_own_applause_control()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var (stranger, heroClient, anotherStranger) = (
            await factory.SignInAsync(await factory.Data.PersonAsync()), await factory.SignInAsync(hero), await factory.SignInAsync(await factory.Data.PersonAsync()));
        var strangersView = await stranger.GetDocumentAsync(story.Url);
        var heroesView = await heroClient.GetDocumentAsync(story.Url);
        var anotherStrangersView = await anotherStranger.GetDocumentAsync(story.Url);

        Assert.NotNull(heroesView.QuerySelector("[data-applause-own]"));
        Assert.Null(heroesView.QuerySelector(".applaud-button"));
        foreach (var view in new[] { strangersView, anotherStrangersView })
        {
            Assert.Null(view.QuerySelector("[data-applause-own]"));
            Assert.Equal("false", view.QuerySelector(".applaud-button")!.GetAttribute("aria-pressed"));
        }
    }
}
