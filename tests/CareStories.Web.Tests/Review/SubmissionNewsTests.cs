using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Recognition;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Review;

/// <summary>Who hears about a submission, from each of the three places a story can be submitted.</summary>
public sealed class SubmissionNewsTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Submitting_tells_the_teams_managers_and_not_the_author()
    {
        var author = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var otherTeamsManager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var teamId = await factory.Data.TeamAsync(members: [author], managers: [author, manager]);
        await factory.Data.TeamAsync(managers: [otherTeamsManager]);
        var id = await factory.Data.StoryAsync(author, teamId);
        var client = await factory.SignInAsync(author);

        var response = await client.SubmitFormAsync($"/Stories/{id}", new(), $"form[action='/Stories/{id}/Status?handler=Submit']");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
        Assert.Equal([(manager.Id, NotificationKind.StoryWaitingForReview, (string?)author.Id)], await factory.NotificationsAboutAsync(id));
        var page = await client.GetDocumentAsync($"/Stories/{id}");
        Assert.Contains("A manager of your team will review it", page.QuerySelector(".status-message")!.TextContent);
    }

    [Fact]
    public async Task Submitting_straight_from_the_new_story_page_tells_the_reviewers()
    {
        var team = await factory.ReviewTeamAsync();
        var client = await factory.SignInAsync(team.Author);
        var content = TestData.CompleteContent(TestData.Unique("Fresh story"));
        var form = new FormValues
        {
            ["Input.Title"] = content.Title!,
            ["Input.OccurredOn"] = content.OccurredOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Situation"] = content.Situation!,
            ["Input.ImmediateAction"] = content.ImmediateAction!,
            ["Input.Outcome"] = content.Outcome!,
        };
        form.Set("Input.Teams", team.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await client.SubmitFormAsync("/Stories/New", form, submitButton: "button[value=submit]");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        var id = response.StoryIdFromLocation();
        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
        Assert.Equal([(team.Manager.Id, NotificationKind.StoryWaitingForReview, (string?)team.Author.Id)], await factory.NotificationsAboutAsync(id));
    }

    [Fact]
    public async Task A_refused_submission_saves_nothing_and_tells_nobody()
    {
        var team = await factory.ReviewTeamAsync();
        var client = await factory.SignInAsync(team.Author);
        var draft = await factory.Data.StoryAsync(team.Author, team.TeamId, s => s.SetTeams([]));

        var response = await client.SubmitFormAsync($"/Stories/{draft}", new(), $"form[action='/Stories/{draft}/Status?handler=Submit']");

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("Choose at least one team.", (await client.FollowAsync(response)).SummaryErrors());
        Assert.Equal(StoryStatus.Draft, (await factory.StoryAsync(draft)).Status);
        Assert.Empty(await factory.NotificationsAboutAsync(draft));
    }
}
