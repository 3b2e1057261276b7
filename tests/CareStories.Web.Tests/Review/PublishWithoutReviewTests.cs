using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Review;

/// <summary>
/// With "publish without review" on, a submitted story is published at once and no reviewer is asked. The setting
/// is company-wide, so these tests have a database of their own.
/// </summary>
public sealed class PublishWithoutReviewTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // Set through the Admin's page, as a company would.
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));
        await admin.SubmitFormAsync("/Admin/Settings", new() { ["Input.PublishWithoutReview"] = "true" })
            .ShouldBeAsync(HttpStatusCode.Redirect);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submitting_publishes_directly_records_it_and_asks_no_reviewer()
    {
        var team = await factory.ReviewTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var id = await factory.Data.StoryAsync(team.Author, team.TeamId, s => s.SetHeroes([team.Author.Id, hero.Id]));
        var client = await factory.SignInAsync(team.Author);

        await client.SubmitFormAsync($"/Stories/{id}", new(), $"form[action='/Stories/{id}/Status?handler=Submit']")
            .ShouldBeAsync(HttpStatusCode.Redirect);

        var story = await factory.StoryAsync(id);
        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Contains(story.History, h => h.To == StoryStatus.Published && h.ActorId == team.Author.Id && h.Comment == Story.PublishedWithoutReviewComment);
        var told = await factory.NotificationsAboutAsync(id);
        Assert.DoesNotContain(told, n => n.Kind == NotificationKind.StoryWaitingForReview);
        // The story's people hear it is published; the team's manager hears only as news of their people, never as a review.
        Assert.Equal([(hero.Id, NotificationKind.StoryPublished, (string?)team.Author.Id)], told.Where(n => n.Kind != NotificationKind.TeamMemberPublished));
        var page = await client.GetDocumentAsync($"/Stories/{id}");
        Assert.Contains("published", page.QuerySelector(".status-message")!.TextContent);
        Assert.Null((await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/Review")).QuerySelector($"[data-story-id='{id}']"));
    }

    [Fact]
    public async Task Resubmitting_from_the_edit_page_publishes_directly_too()
    {
        var team = await factory.ReviewTeamAsync();
        var reviewer = await factory.Data.PersonAsync();
        var id = await factory.Data.StoryAsync(team.Author, team.TeamId, s =>
        {
            s.Submit(team.Author.Id, factory.Clock.GetUtcNow());
            s.RequestChanges(reviewer.Id, "Add the customer's words.", factory.Clock.GetUtcNow());
        });
        var client = await factory.SignInAsync(team.Author);

        var edit = await client.GetDocumentAsync($"/Stories/{id}/Edit");
        await client.SubmitFormAsync(edit, $"/Stories/{id}/Edit", new(), submitButton: "button[value=submit]")
            .ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Equal(StoryStatus.Published, (await factory.StoryAsync(id)).Status);
        Assert.DoesNotContain(await factory.NotificationsAboutAsync(id), n => n.Kind == NotificationKind.StoryWaitingForReview);
    }
}
