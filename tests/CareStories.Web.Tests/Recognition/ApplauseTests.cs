using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Recognition;

public sealed class ApplauseTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string ApplauseForm = "#applause form";

    [Fact]
    public async Task Employee_applauds_once_and_takes_the_applause_back()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(reader);

        var before = await client.GetDocumentAsync(story.Url);
        var button = before.QuerySelector($"{ApplauseForm} button")!;
        Assert.Equal("false", button.GetAttribute("aria-pressed"));
        Assert.Contains("Applaud", button.TextContent);
        Assert.Contains("No applause yet", before.QuerySelector("[data-applause-summary]")!.TextContent);

        var applauded = await client.FollowAsync(await client.SubmitFormAsync(story.Url, [], ApplauseForm));
        Assert.Equal("You applauded this story.", applauded.Flash());
        var pressed = applauded.QuerySelector($"{ApplauseForm} button")!;
        Assert.Equal("true", pressed.GetAttribute("aria-pressed"));
        Assert.Contains("Take back applause", pressed.TextContent);
        Assert.Contains("You applauded.", applauded.QuerySelector("[data-applause-summary]")!.TextContent);
        Assert.Equal(1, await ApplauseCountAsync(story.Id, reader));

        var takenBack = await client.FollowAsync(await client.SubmitFormAsync(story.Url, [], ApplauseForm));
        Assert.Equal("Your applause was taken back.", takenBack.Flash());
        Assert.Equal("false", takenBack.QuerySelector($"{ApplauseForm} button")!.GetAttribute("aria-pressed"));
        Assert.Equal(0, await ApplauseCountAsync(story.Id, reader));
    }

    [Fact]
    public async Task Applauding_twice_is_harmless_and_says_so()
    {
        var story = await factory.PublishedStoryAsync();
        var reader = await factory.Data.PersonAsync();
        var client = await factory.SignInAsync(reader);

        await client.PostWithOwnTokenAsync($"{story.Url}/Applause").ShouldBeAsync(HttpStatusCode.Redirect);
        var second = await client.PostWithOwnTokenAsync($"{story.Url}/Applause");

        var page = await client.FollowAsync(second);
        Assert.Contains("already applauded", page.Flash());
        Assert.Equal(1, await ApplauseCountAsync(story.Id, reader));

        await client.PostWithOwnTokenAsync($"{story.Url}/Applause?handler=TakeBack").ShouldBeAsync(HttpStatusCode.Redirect);
        var nothingLeft = await client.FollowAsync(await client.PostWithOwnTokenAsync($"{story.Url}/Applause?handler=TakeBack"));
        Assert.Contains("nothing to take back", nothingLeft.Flash());
        Assert.Equal(0, await ApplauseCountAsync(story.Id, reader));
    }

    [Fact]
    public async Task Applause_names_a_few_people_and_counts_the_rest()
    {
        var story = await factory.PublishedStoryAsync();
        var people = new List<TestPerson>();
        for (var i = 0; i < 5; i++)
        {
            var person = await factory.Data.PersonAsync();
            people.Add(person);
            await factory.ApplaudAsync(story.Id, person);
            factory.Clock.Advance(TimeSpan.FromMinutes(1)); // the newest applause is named first
        }

        var client = await factory.SignInAsync(people[0]);
        var summary = (await client.GetDocumentAsync(story.Url)).QuerySelector("[data-applause-summary]")!.TextContent;

        Assert.Contains($"You, {people[4].DisplayName}, {people[3].DisplayName} and 2 others applauded.", summary);
    }

    [Fact]
    public async Task Unpublished_story_cannot_be_applauded()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var submitted = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));
        var stranger = await factory.SignInAsync(await factory.Data.PersonAsync());
        var authorClient = await factory.SignInAsync(author);

        await stranger.PostWithOwnTokenAsync($"/Stories/{submitted}/Applause").ShouldBeAsync(HttpStatusCode.NotFound);

        var page = await authorClient.GetDocumentAsync($"/Stories/{submitted}");
        Assert.Null(page.QuerySelector("#applause"));
        var refused = await authorClient.PostWithOwnTokenAsync($"/Stories/{submitted}/Applause");
        await refused.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("Only a published story can be applauded.", (await authorClient.FollowAsync(refused)).SummaryErrors());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Applause.CountAsync(a => a.StoryId == submitted)));
    }

    private Task<int> ApplauseCountAsync(int storyId, TestPerson person) =>
        factory.WithDbAsync(db => db.Applause.CountAsync(a => a.StoryId == storyId && a.PersonId == person.Id));

    [Fact]
    public async Task Author_or_hero_cannot_applaud_their_own_story()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);

        foreach (var own in new[] { story.Author, hero })
        {
            var client = await factory.SignInAsync(own);
            var page = await client.GetDocumentAsync(story.Url);
            Assert.Null(page.QuerySelector(ApplauseForm));
            Assert.Contains("You cannot applaud a story you wrote or are credited in.", page.QuerySelector("[data-applause-own]")!.TextContent);

            var refused = await client.FollowAsync(await client.PostWithOwnTokenAsync($"{story.Url}/Applause"));

            Assert.Contains("You cannot applaud a story you wrote or are credited in.", refused.SummaryErrors());
            Assert.Equal(0, await ApplauseCountAsync(story.Id, own));
        }
    }
}
