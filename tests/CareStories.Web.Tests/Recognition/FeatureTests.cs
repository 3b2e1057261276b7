using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Recognition;

/// <summary>Featuring counts across all stories, so every test starts with none featured.</summary>
public sealed class FeatureTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>, IAsyncLifetime
{
    private const string FeatureForm = ".feature-bar form";

    public Task InitializeAsync() => factory.WithDbAsync(async db =>
    {
        db.FeaturedStories.RemoveRange(await db.FeaturedStories.ToListAsync());
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Leader_features_and_unfeatures_a_story()
    {
        var story = await factory.PublishedStoryAsync();
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var client = await factory.SignInAsync(leader);

        var before = await client.GetDocumentAsync(story.Url);
        Assert.Null(before.QuerySelector("[data-featured]"));
        Assert.Contains("Featured stories now: 0 of 3.", before.QuerySelector("[data-featured-count]")!.TextContent);

        var featured = await client.FollowAsync(await client.SubmitFormAsync(story.Url, [], FeatureForm));
        Assert.Contains("The story is featured", featured.Flash());
        Assert.NotNull(featured.QuerySelector("[data-featured]"));
        Assert.Contains("Featured stories now: 1 of 3.", featured.QuerySelector("[data-featured-count]")!.TextContent);
        Assert.Equal(leader.Id, await FeaturedByAsync(story.Id));

        var reader = await factory.SignInAsync(await factory.Data.PersonAsync());
        var readerView = await reader.GetDocumentAsync(story.Url);
        Assert.NotNull(readerView.QuerySelector("[data-featured]"));
        Assert.Null(readerView.QuerySelector(FeatureForm));

        var unfeatured = await client.FollowAsync(await client.SubmitFormAsync(story.Url, [], FeatureForm));
        Assert.Equal("The story is no longer featured.", unfeatured.Flash());
        Assert.Null(unfeatured.QuerySelector("[data-featured]"));
        Assert.Null(await FeaturedByAsync(story.Id));
    }

    [Theory]
    [InlineData(Roles.Employee)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task Only_a_leader_can_feature_or_unfeature(string role)
    {
        var story = await factory.PublishedStoryAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, role));

        Assert.Null((await client.GetDocumentAsync(story.Url)).QuerySelector(FeatureForm));
        await client.PostWithOwnTokenAsync($"{story.Url}/Feature").ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Null(await FeaturedByAsync(story.Id));

        var leader = await factory.Data.PersonAsync(Roles.Leader);
        await FeatureDirectlyAsync(story.Id, leader);
        await client.PostWithOwnTokenAsync($"{story.Url}/Feature?handler=Unfeature").ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Equal(leader.Id, await FeaturedByAsync(story.Id));
    }

    [Fact]
    public async Task Fourth_featured_story_is_refused_with_a_message_saying_why()
    {
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        for (var i = 0; i < 3; i++)
        {
            await FeatureDirectlyAsync((await factory.PublishedStoryAsync()).Id, leader);
        }

        var fourth = await factory.PublishedStoryAsync();
        var client = await factory.SignInAsync(leader);
        var page = await client.GetDocumentAsync(fourth.Url);
        Assert.Contains("All 3 featured places are taken", page.QuerySelector("[data-featured-count]")!.TextContent);

        var response = await client.SubmitFormAsync(page, fourth.Url, [], FeatureForm);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("At most 3 stories can be featured at once. Unfeature one first.", (await client.FollowAsync(response)).SummaryErrors());
        Assert.Null(await FeaturedByAsync(fourth.Id));
    }

    [Fact]
    public async Task Unpublished_story_cannot_be_featured()
    {
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader, Roles.Admin);
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var submitted = await factory.Data.StoryAsync(author, team, s => s.Submit(author.Id, factory.Clock.GetUtcNow()));
        var client = await factory.SignInAsync(leader);

        Assert.Null((await client.GetDocumentAsync($"/Stories/{submitted}")).QuerySelector(FeatureForm));
        var refused = await client.PostWithOwnTokenAsync($"/Stories/{submitted}/Feature");

        await refused.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("Only a published story can be featured.", (await client.FollowAsync(refused)).SummaryErrors());
    }

    private Task<string?> FeaturedByAsync(int storyId) =>
        factory.WithDbAsync(db => db.FeaturedStories.Where(f => f.StoryId == storyId).Select(f => f.FeaturedById).SingleOrDefaultAsync());

    private Task FeatureDirectlyAsync(int storyId, TestPerson leader) => factory.WithDbAsync(async db =>
    {
        var story = await db.Stories.Include(s => s.Heroes).SingleAsync(s => s.Id == storyId);
        db.FeaturedStories.Add(FeaturedStory.Feature(story.Facts(), leader.Id, await db.FeaturedStories.ToListAsync(), factory.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Featuring_a_story_tells_the_people_credited_in_it()
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var client = await factory.SignInAsync(leader);

        await client.SubmitFormAsync(story.Url, [], FeatureForm).ShouldBeAsync(HttpStatusCode.Redirect);

        var told = await factory.WithDbAsync(db => db.Notifications
            .Where(n => n.StoryId == story.Id && n.Kind == Domain.Notifications.NotificationKind.StoryFeatured)
            .Select(n => new { n.RecipientId, n.ActorId })
            .ToListAsync());
        Assert.Equal(new[] { story.Author.Id, hero.Id }.Order(StringComparer.Ordinal), told.Select(n => n.RecipientId).Order(StringComparer.Ordinal));
        Assert.All(told, n => Assert.Equal(leader.Id, n.ActorId));
    }
}
