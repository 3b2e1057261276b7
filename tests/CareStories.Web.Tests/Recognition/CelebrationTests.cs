using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Recognition;

public sealed class CelebrationTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string CelebrateForm = "form.celebrate-form";

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Leader)]
    public async Task Manager_or_leader_celebrates_a_published_story_and_its_people_are_told(string role)
    {
        var hero = await factory.Data.PersonAsync();
        var story = await factory.PublishedStoryAsync(hero);
        var badge = await factory.BadgeAsync();
        var celebrator = await factory.Data.PersonAsync(Roles.Employee, role);
        var client = await factory.SignInAsync(celebrator);

        var response = await client.SubmitFormAsync(story.Url, new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "You turned a disaster into a wedding to remember.",
        }, CelebrateForm);

        var page = await client.FollowAsync(response);
        Assert.Contains("people in it have been told", page.Flash());
        var shown = Assert.Single(page.QuerySelectorAll(".celebration"));
        Assert.Contains("You turned a disaster into a wedding to remember.", shown.TextContent);
        Assert.Contains(celebrator.DisplayName, shown.TextContent);
        Assert.NotNull(shown.QuerySelector(".badge-chip.badge-colour-blue"));
        Assert.Null(page.QuerySelector(CelebrateForm));
        Assert.Contains("You have celebrated this story", page.QuerySelector("[data-celebration-note]")!.TextContent);

        var told = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.StoryId == story.Id && n.Kind == NotificationKind.StoryCelebrated)
            .Select(n => new { n.RecipientId, n.ActorId })
            .ToListAsync());
        Assert.Equal(new[] { story.Author.Id, hero.Id }.Order(), told.Select(n => n.RecipientId).Order());
        Assert.All(told, n => Assert.Equal(celebrator.Id, n.ActorId));
    }

    [Fact]
    public async Task Employee_sees_no_celebrate_form_and_cannot_celebrate_by_direct_post()
    {
        var story = await factory.PublishedStoryAsync();
        var badge = await factory.BadgeAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync(story.Url);
        Assert.Null(page.QuerySelector(CelebrateForm));

        await client.PostWithOwnTokenAsync($"{story.Url}/Celebrate", new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "Planted praise.",
        }).ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await CelebrationCountAsync(story.Id));
    }

    [Fact]
    public async Task Manager_cannot_celebrate_a_story_they_cannot_read()
    {
        var author = await factory.Data.PersonAsync();
        var team = await factory.Data.TeamAsync(members: [author]);
        var draft = await factory.Data.StoryAsync(author, team);
        var badge = await factory.BadgeAsync();
        var manager = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));

        await manager.PostWithOwnTokenAsync($"/Stories/{draft}/Celebrate", new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "Sneaky.",
        }).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_celebrates_the_same_story_twice()
    {
        var story = await factory.PublishedStoryAsync();
        var badge = await factory.BadgeAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        await factory.CelebrateAsync(story.Id, manager, badge, "First time.");
        var client = await factory.SignInAsync(manager);

        var response = await client.PostWithOwnTokenAsync($"{story.Url}/Celebrate", new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "Second time.",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("You have already celebrated this story.", page.SummaryErrors());
        Assert.Equal(1, await CelebrationCountAsync(story.Id));
    }

    [Fact]
    public async Task Author_or_hero_cannot_celebrate_their_own_story()
    {
        var hero = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var story = await factory.PublishedStoryAsync(hero);
        var badge = await factory.BadgeAsync();
        var client = await factory.SignInAsync(hero);

        var page = await client.GetDocumentAsync(story.Url);
        Assert.Null(page.QuerySelector(CelebrateForm));
        Assert.Contains("wrote or are credited in", page.QuerySelector("[data-celebration-note]")!.TextContent);

        var response = await client.PostWithOwnTokenAsync($"{story.Url}/Celebrate", new FormValues
        {
            ["Celebration.BadgeId"] = badge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "Well done, me.",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("You cannot celebrate a story you wrote or are credited in.", (await response.ReadDocumentAsync()).SummaryErrors());
        Assert.Equal(0, await CelebrationCountAsync(story.Id));
    }

    [Fact]
    public async Task Retired_badge_is_not_offered_and_is_refused_when_posted()
    {
        var story = await factory.PublishedStoryAsync();
        var inUse = await factory.BadgeAsync();
        var retired = await factory.BadgeAsync(retired: true);
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Leader));

        var page = await client.GetDocumentAsync(story.Url);
        Assert.NotNull(page.QuerySelector($"{CelebrateForm} input[name='Celebration.BadgeId'][value='{inUse}']"));
        Assert.Null(page.QuerySelector($"{CelebrateForm} input[name='Celebration.BadgeId'][value='{retired}']"));

        var response = await client.PostWithOwnTokenAsync($"{story.Url}/Celebrate", new FormValues
        {
            ["Celebration.BadgeId"] = retired.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Celebration.Message"] = "Kept when refused.",
        });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var refused = await response.ReadDocumentAsync();
        Assert.Contains("retired", Assert.Single(refused.FieldErrors("Celebration.BadgeId")));
        Assert.Equal("Kept when refused.", refused.QuerySelector<IHtmlTextAreaElement>("#Celebration_Message")!.Value);
        Assert.Equal(0, await CelebrationCountAsync(story.Id));
    }

    [Fact]
    public async Task Celebration_needs_a_badge_and_a_message()
    {
        var story = await factory.PublishedStoryAsync();
        await factory.BadgeAsync();
        var client = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Manager));

        var noBadge = await client.SubmitFormAsync(story.Url, new FormValues { ["Celebration.Message"] = "Lovely." }, CelebrateForm);
        await noBadge.ShouldBeAsync(HttpStatusCode.OK);
        var page = await noBadge.ReadDocumentAsync();
        Assert.Contains("Choose a badge", Assert.Single(page.FieldErrors("Celebration.BadgeId")));
        Assert.Equal("Lovely.", page.QuerySelector<IHtmlTextAreaElement>("#Celebration_Message")!.Value);

        var badge = page.QuerySelector<IHtmlInputElement>($"{CelebrateForm} input[name='Celebration.BadgeId']")!.Value;
        var noMessage = await client.SubmitFormAsync(story.Url, new FormValues { ["Celebration.BadgeId"] = badge, ["Celebration.Message"] = "  " }, CelebrateForm);
        await noMessage.ShouldBeAsync(HttpStatusCode.OK);
        var again = await noMessage.ReadDocumentAsync();
        Assert.Contains("Write a message", Assert.Single(again.FieldErrors("Celebration.Message")));
        Assert.True(again.QuerySelector<IHtmlInputElement>($"{CelebrateForm} input[value='{badge}']")!.IsChecked);
        Assert.Equal(0, await CelebrationCountAsync(story.Id));
    }

    [Fact]
    public async Task Celebrations_show_newest_first()
    {
        var story = await factory.PublishedStoryAsync();
        var badge = await factory.BadgeAsync();
        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(Roles.Manager), badge, "Older praise.");
        await factory.CelebrateAsync(story.Id, await factory.Data.PersonAsync(Roles.Leader), badge, "Newer praise.");
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var page = await client.GetDocumentAsync(story.Url);

        var messages = page.QuerySelectorAll(".celebration .prose").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["Newer praise.", "Older praise."], messages);
    }

    private Task<int> CelebrationCountAsync(int storyId) =>
        factory.WithDbAsync(db => db.Celebrations.CountAsync(c => c.StoryId == storyId));
}
