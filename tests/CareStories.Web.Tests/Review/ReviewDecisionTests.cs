using CareStories.Domain.Notifications;
using CareStories.Web.Tests.Stories;

namespace CareStories.Web.Tests.Review;

/// <summary>Publishing and sending back from the review page, as the right and the wrong person.</summary>
public sealed class ReviewDecisionTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private const string PublishForm = "form#publish-form";
    private const string SendBackForm = "form#send-back-form";

    [Fact]
    public async Task Manager_publishes_their_teams_story_and_the_author_and_heroes_are_told()
    {
        var team = await factory.ReviewTeamAsync();
        var hero = await factory.Data.PersonAsync();
        var id = await factory.WaitingStoryAsync(team, null, team.Author, hero);
        var client = await factory.SignInAsync(team.Manager);

        var response = await client.SubmitFormAsync($"/Review/Story/{id}", new(), PublishForm);

        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Review", response.Headers.Location!.OriginalString);
        var story = await factory.StoryAsync(id);
        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.NotNull(story.PublishedAt);
        var last = story.History.OrderBy(h => h.At).ThenBy(h => h.Id).Last();
        Assert.Equal((StoryStatus.Submitted, StoryStatus.Published, team.Manager.Id), (last.From!.Value, last.To, last.ActorId));
        var told = await factory.NotificationsAboutAsync(id);
        Assert.Equal(
            new[] { team.Author.Id, hero.Id }.Order(),
            told.Where(n => n.Kind == NotificationKind.StoryPublished).Select(n => n.RecipientId).Order());
        Assert.All(told, n => Assert.Equal(team.Manager.Id, n.ActorId));

        var queue = await client.GetDocumentAsync("/Review");
        Assert.Contains("is published", queue.QuerySelector(".status-message")!.TextContent);
        Assert.Null(queue.QuerySelector($"[data-story-id='{id}']"));
    }

    [Fact]
    public async Task Review_page_shows_the_whole_story_and_its_quotes()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var story = await factory.StoryAsync(id);

        var page = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync($"/Review/Story/{id}");

        Assert.Equal(story.Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(story.Situation!, page.Body!.TextContent);
        Assert.Contains(story.Outcome!, page.Body!.TextContent);
        Assert.Contains("You saved my day.", page.QuerySelector(".quote")!.TextContent);
        Assert.Contains("Rosa", page.QuerySelector(".quote figcaption")!.TextContent);
    }

    [Fact]
    public async Task Manager_of_another_team_can_neither_open_nor_post_the_review_page()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var stranger = await factory.SignInAsync(other.Manager);

        await stranger.GetAsync($"/Review/Story/{id}").ShouldBeAsync(HttpStatusCode.NotFound);
        await stranger.PostWithOwnTokenAsync($"/Review/Story/{id}?handler=Publish").ShouldBeAsync(HttpStatusCode.NotFound);
        await stranger.PostWithOwnTokenAsync($"/Review/Story/{id}?handler=SendBack", new() { ["Input.Comment"] = "Not mine to judge" })
            .ShouldBeAsync(HttpStatusCode.NotFound);

        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
        Assert.Empty(await factory.NotificationsAboutAsync(id));
    }

    [Fact]
    public async Task Manager_of_another_team_gets_403_for_a_story_they_can_read_but_not_review()
    {
        var team = await factory.ReviewTeamAsync();
        var other = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team, null, team.Author, other.Manager);
        var credited = await factory.SignInAsync(other.Manager);

        await credited.GetAsync($"/Stories/{id}").ShouldBeAsync(HttpStatusCode.OK);
        await credited.GetAsync($"/Review/Story/{id}").ShouldBeAsync(HttpStatusCode.Forbidden);
        await credited.PostWithOwnTokenAsync($"/Review/Story/{id}?handler=Publish").ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Manager_cannot_review_their_own_story_or_one_they_are_credited_in_but_another_manager_can()
    {
        var author = await factory.Data.PersonAsync();
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var otherManager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var teamId = await factory.Data.TeamAsync(members: [author], managers: [manager, otherManager]);
        var mine = await factory.WaitingStoryAsync(manager, teamId);
        var creditsMe = await factory.WaitingStoryAsync(author, teamId, null, manager);
        var client = await factory.SignInAsync(manager);
        var other = await factory.SignInAsync(otherManager);

        foreach (var id in new[] { mine, creditsMe })
        {
            await client.GetAsync($"/Review/Story/{id}").ShouldBeAsync(HttpStatusCode.Forbidden);
            await client.PostWithOwnTokenAsync($"/Review/Story/{id}?handler=Publish").ShouldBeAsync(HttpStatusCode.Forbidden);
            await client.PostWithOwnTokenAsync($"/Review/Story/{id}?handler=SendBack", new() { ["Input.Comment"] = "Looks great to me" })
                .ShouldBeAsync(HttpStatusCode.Forbidden);
            Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
            await other.GetAsync($"/Review/Story/{id}").ShouldBeAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Sending_back_without_a_comment_shows_the_message_beside_the_field_and_in_the_summary()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var client = await factory.SignInAsync(team.Manager);

        var response = await client.SubmitFormAsync($"/Review/Story/{id}", new() { ["Input.Comment"] = "   " }, SendBackForm);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Tell the author what to change."], page.FieldErrors("Input.Comment"));
        Assert.Contains("Tell the author what to change.", page.SummaryErrors());
        Assert.Equal("true", page.QuerySelector("#Input_Comment")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("h1"));
        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
    }

    [Fact]
    public async Task A_comment_that_is_too_long_is_refused_and_kept_as_typed()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var client = await factory.SignInAsync(team.Manager);
        var tooLong = "Please say more about the outcome. " + new string('x', StoryStatusChange.CommentMaxLength);

        var response = await client.SubmitFormAsync($"/Review/Story/{id}", new() { ["Input.Comment"] = tooLong }, SendBackForm);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Assert.Single(page.FieldErrors("Input.Comment"));
        Assert.Equal(tooLong, page.QuerySelector("#Input_Comment")!.TextContent.TrimStart('\n', '\r'));
        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
    }

    [Fact]
    public async Task Sent_back_story_shows_the_comment_to_the_author_who_resubmits_it_back_into_the_queue()
    {
        var team = await factory.ReviewTeamAsync();
        var author = await factory.SignInAsync(team.Author);
        var draft = await factory.Data.StoryAsync(team.Author, team.TeamId);
        await author.SubmitFormAsync($"/Stories/{draft}", new(), $"form[action='/Stories/{draft}/Status?handler=Submit']")
            .ShouldBeAsync(HttpStatusCode.Redirect);
        var manager = await factory.SignInAsync(team.Manager);
        const string comment = "Lovely story. Please add what the customer said afterwards.";

        var sent = await manager.SubmitFormAsync($"/Review/Story/{draft}", new() { ["Input.Comment"] = comment }, SendBackForm);

        await sent.ShouldBeAsync(HttpStatusCode.Redirect);
        var story = await factory.StoryAsync(draft);
        Assert.Equal(StoryStatus.ChangesRequested, story.Status);
        Assert.Equal(comment, story.ReviewComment);
        Assert.Contains((team.Author.Id, NotificationKind.StorySentBack, (string?)team.Manager.Id), await factory.NotificationsAboutAsync(draft));
        var queueAfter = await manager.GetDocumentAsync("/Review");
        Assert.Contains("sent back", queueAfter.QuerySelector(".status-message")!.TextContent);
        Assert.Null(queueAfter.QuerySelector($"[data-story-id='{draft}']"));

        var detailsForAuthor = await author.GetDocumentAsync($"/Stories/{draft}");
        Assert.Contains(comment, detailsForAuthor.QuerySelector(".review-note")!.TextContent);
        var edit = await author.GetDocumentAsync($"/Stories/{draft}/Edit");
        await author.SubmitFormAsync(edit, $"/Stories/{draft}/Edit", new() { ["Input.Outcome"] = "The food arrived on time, and the couple wrote to thank us." }, submitButton: "button[value=submit]")
            .ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(draft)).Status);
        var queue = await manager.GetDocumentAsync("/Review");
        Assert.NotNull(queue.QuerySelector($"[data-story-id='{draft}'] a[href='/Review/Story/{draft}']"));
        var waitingNews = (await factory.NotificationsAboutAsync(draft)).Where(n => n.Kind == NotificationKind.StoryWaitingForReview).ToList();
        Assert.Equal(2, waitingNews.Count);
        Assert.All(waitingNews, n => Assert.Equal(team.Manager.Id, n.RecipientId));
    }

    [Fact]
    public async Task A_story_that_stopped_waiting_sends_the_reviewer_back_to_the_queue_saying_who_published_it()
    {
        var author = await factory.Data.PersonAsync();
        var first = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var second = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var teamId = await factory.Data.TeamAsync(members: [author], managers: [first, second]);
        var id = await factory.WaitingStoryAsync(author, teamId);
        var secondClient = await factory.SignInAsync(second);
        var openedBeforehand = await secondClient.GetDocumentAsync($"/Review/Story/{id}");

        await (await factory.SignInAsync(first)).SubmitFormAsync($"/Review/Story/{id}", new(), PublishForm)
            .ShouldBeAsync(HttpStatusCode.Redirect);
        var late = await secondClient.SubmitFormAsync(openedBeforehand, $"/Review/Story/{id}", new() { ["Input.Comment"] = "Needs more detail" }, SendBackForm);

        await late.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Equal("/Review", late.Headers.Location!.OriginalString);
        var queue = await secondClient.GetDocumentAsync("/Review");
        Assert.Contains($"already published by {first.DisplayName}", queue.QuerySelector(".status-message")!.TextContent);
        Assert.Equal(StoryStatus.Published, (await factory.StoryAsync(id)).Status);
        var reopened = await secondClient.GetAsync($"/Review/Story/{id}");
        await reopened.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_review_post_without_the_antiforgery_token_is_refused()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var client = await factory.SignInAsync(team.Manager);
        await client.GetDocumentAsync($"/Review/Story/{id}");

        var response = await client.PostAsync($"/Review/Story/{id}?handler=Publish", new FormUrlEncodedContent([]));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(StoryStatus.Submitted, (await factory.StoryAsync(id)).Status);
    }

    [Fact]
    public async Task Admin_who_manages_no_team_reviews_any_story()
    {
        var team = await factory.ReviewTeamAsync();
        var id = await factory.WaitingStoryAsync(team);
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        await admin.SubmitFormAsync($"/Review/Story/{id}", new(), PublishForm).ShouldBeAsync(HttpStatusCode.Redirect);

        Assert.Equal(StoryStatus.Published, (await factory.StoryAsync(id)).Status);
    }
}
