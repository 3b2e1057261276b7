namespace CareStories.Web.Tests.Review;

/// <summary>The company's overdue setting marks stories that waited too long; Admins see every team's stories.</summary>
public sealed class OverdueAndAdminQueueTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task Stories_waiting_longer_than_the_configured_days_are_marked_overdue_and_counted()
    {
        await factory.SetReviewSettingsAsync(publishWithoutReview: false, overdueDays: 5);
        var team = await factory.ReviewTeamAsync();
        var now = factory.Clock.GetUtcNow();
        var late = await factory.WaitingStoryAsync(team, now.AddDays(-6));
        var onTime = await factory.WaitingStoryAsync(team, now.AddDays(-4));
        var client = await factory.SignInAsync(team.Manager);

        var queue = await client.GetDocumentAsync("/Review");

        Assert.NotNull(queue.QuerySelector($"[data-story-id='{late}'].is-overdue [data-overdue]"));
        Assert.Null(queue.QuerySelector($"[data-story-id='{onTime}'] [data-overdue]"));
        var count = queue.QuerySelector("[data-overdue-count]")!;
        Assert.Equal("1", count.GetAttribute("data-overdue-count"));
        Assert.Contains("1 story has waited longer than 5 days", count.TextContent);

        await factory.SetReviewSettingsAsync(publishWithoutReview: false, overdueDays: 3);
        var stricter = await client.GetDocumentAsync("/Review");

        Assert.NotNull(stricter.QuerySelector($"[data-story-id='{onTime}'] [data-overdue]"));
        Assert.Equal("2", stricter.QuerySelector("[data-overdue-count]")!.GetAttribute("data-overdue-count"));
    }

    [Fact]
    public async Task Review_page_says_a_story_is_overdue()
    {
        await factory.SetReviewSettingsAsync(publishWithoutReview: false, overdueDays: 2);
        var team = await factory.ReviewTeamAsync();
        var late = await factory.WaitingStoryAsync(team, factory.Clock.GetUtcNow().AddDays(-3));

        var page = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync($"/Review/Story/{late}");

        Assert.NotNull(page.QuerySelector("[data-overdue]"));
        Assert.Contains("waiting 3 days", page.QuerySelector(".page-head")!.TextContent);
    }

    [Fact]
    public async Task Manager_home_links_waiting_stories_to_their_review_page_with_the_overdue_marker_and_the_queue()
    {
        await factory.SetReviewSettingsAsync(publishWithoutReview: false, overdueDays: 3);
        var team = await factory.ReviewTeamAsync();
        var late = await factory.WaitingStoryAsync(team, factory.Clock.GetUtcNow().AddDays(-4));
        var fresh = await factory.WaitingStoryAsync(team);
        var mine = await factory.WaitingStoryAsync(team.Manager, team.TeamId);

        var home = await (await factory.SignInAsync(team.Manager)).GetDocumentAsync("/");

        var waiting = home.QuerySelector("[aria-labelledby=waiting-heading]")!;
        var lateLink = waiting.QuerySelector($"a[href='/Review/Story/{late}']")!;
        Assert.NotNull(lateLink.ParentElement!.QuerySelector("[data-overdue]"));
        Assert.Null(waiting.QuerySelector($"a[href='/Review/Story/{fresh}']")!.ParentElement!.QuerySelector("[data-overdue]"));
        Assert.Null(waiting.QuerySelector($"a[href*='/{mine}']"));
        Assert.NotNull(waiting.QuerySelector("a[href='/Review']"));
    }

    [Fact]
    public async Task Admin_sees_every_teams_waiting_stories()
    {
        var support = await factory.ReviewTeamAsync();
        var billing = await factory.ReviewTeamAsync();
        var longAgo = factory.Clock.GetUtcNow().AddYears(-3);
        var fromSupport = await factory.WaitingStoryAsync(support, longAgo);
        var fromBilling = await factory.WaitingStoryAsync(billing, longAgo.AddMinutes(1));
        var admin = await factory.SignInAsync(await factory.Data.PersonAsync(Roles.Employee, Roles.Admin));

        var queue = await admin.GetDocumentAsync("/Review");

        Assert.NotNull(queue.QuerySelector($"a[href='/Review/Story/{fromSupport}']"));
        Assert.NotNull(queue.QuerySelector($"a[href='/Review/Story/{fromBilling}']"));
        Assert.Contains("every team", queue.QuerySelector("h1")!.ParentElement!.TextContent);
        await admin.GetDocumentAsync($"/Review/Story/{fromBilling}");
    }
}
