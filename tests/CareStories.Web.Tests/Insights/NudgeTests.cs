using CareStories.Domain.Insights;
using CareStories.Domain.Notifications;
using CareStories.Domain.Settings;

namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The weekly nudge reaches each manager once a week however often it runs (or on how many instances), names only
/// people nobody recognised in the company's number of days; and managers hear when their people are recognised.
/// </summary>
public sealed class NudgeTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    private Task<int> RunAsync(DateTimeOffset at) => factory.WithDbAsync(db => RecognitionNudges.SendDueAsync(db, at, CancellationToken.None));

    private Task<int> NudgesForAsync(TestPerson manager) => factory.WithDbAsync(db =>
        db.Notifications.CountAsync(n => n.RecipientId == manager.Id && n.Kind == NotificationKind.NotRecognisedNudge));

    [Fact]
    public async Task Each_manager_is_nudged_once_a_week_however_often_it_runs()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var forgotten = await factory.Data.PersonAsync();
        await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [forgotten], managers: [manager]);
        var now = factory.Clock.GetUtcNow();

        await RunAsync(now);
        await RunAsync(now.AddHours(5));
        Assert.Equal(1, await NudgesForAsync(manager));

        await RunAsync(now.AddDays(7));
        Assert.Equal(2, await NudgesForAsync(manager));

        var client = await factory.SignInAsync(manager);
        var page = await client.GetDocumentAsync("/Notifications");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form[action*=Open]")
            .First(f => f.TextContent.Contains("not been recognised lately", StringComparison.Ordinal));
        form.Id = "nudge";
        var opened = await client.SubmitFormAsync(page, "/Notifications", new(), "form#nudge");
        Assert.Equal("/Insights#not-recognised", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_second_instance_that_lost_the_race_writes_nothing()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var forgotten = await factory.Data.PersonAsync();
        await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [forgotten], managers: [manager]);
        var now = factory.Clock.GetUtcNow();
        // Another instance nudged this manager a moment ago; this one read the managers before that row existed.
        await factory.WithDbAsync(async db =>
        {
            db.Add(new ManagerNudge(manager.Id, ManagerNudge.WeekContaining(now), 1, now));
            await db.SaveChangesAsync();
        });
        var refused = await factory.WithDbAsync(async db =>
        {
            db.Add(new ManagerNudge(manager.Id, ManagerNudge.WeekContaining(now), 1, now));
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        await RunAsync(now);

        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal(0, await NudgesForAsync(manager));
    }

    [Fact]
    public async Task Nobody_recognised_recently_means_no_nudge_and_the_number_of_days_is_the_companys()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var hero = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var team = await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [hero], managers: [manager]);
        var now = factory.Clock.GetUtcNow();
        await factory.Data.StoryAsync(hero, team, s =>
        {
            s.Submit(hero.Id, now.AddDays(-40));
            s.Publish(reviewer.Id, now.AddDays(-40));
        });

        Assert.Equal(0, await factory.WithDbAsync(db => RecognitionNudges.NotRecognisedInTeamsOfAsync(db, manager.Id, now, 90, CancellationToken.None)));
        Assert.Equal(1, await factory.WithDbAsync(db => RecognitionNudges.NotRecognisedInTeamsOfAsync(db, manager.Id, now, 30, CancellationToken.None)));
        await RunAsync(now);
        Assert.Equal(0, await NudgesForAsync(manager));
        Assert.Equal(CompanySettings.DefaultNotRecognisedDays, (await factory.WithDbAsync(db => db.CompanySettings.CurrentAsync())).NotRecognisedDays);
    }

    [Fact]
    public async Task Managers_hear_when_someone_in_their_team_is_published_or_celebrated()
    {
        var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var otherManager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
        var hero = await factory.Data.PersonAsync();
        var reviewer = await factory.Data.PersonAsync(Roles.Employee, Roles.Admin);
        var leader = await factory.Data.PersonAsync(Roles.Employee, Roles.Leader);
        var team = await factory.Data.TeamAsync(TeamKind.CustomerFacing, members: [hero], managers: [manager]);
        await factory.Data.TeamAsync(TeamKind.CustomerFacing, managers: [otherManager]);
        var storyId = await factory.Data.StoryAsync(hero, team, s => s.Submit(hero.Id, factory.Clock.GetUtcNow()));
        var badge = new CareStories.Domain.Catalogue.Badge(TestData.Unique("Badge"), "Well done.", CareStories.Domain.Catalogue.BadgeColour.Teal);

        await factory.WithDbAsync(async db =>
        {
            db.Badges.Add(badge);
            var story = await db.Stories.Include(s => s.Heroes).Include(s => s.Teams).SingleAsync(s => s.Id == storyId);
            story.Publish(reviewer.Id, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            db.Celebrations.Add(Celebration.Give(story.Facts(), leader.Id, badge, "Thank you!", factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var news = await factory.WithDbAsync(db => db.Notifications.Where(n => n.StoryId == storyId)
            .Select(n => new { n.RecipientId, n.Kind }).ToListAsync());
        Assert.Contains(news, n => n.RecipientId == manager.Id && n.Kind == NotificationKind.TeamMemberPublished);
        Assert.Contains(news, n => n.RecipientId == manager.Id && n.Kind == NotificationKind.TeamMemberCelebrated);
        Assert.DoesNotContain(news, n => n.RecipientId == otherManager.Id);
        Assert.DoesNotContain(news, n => n.RecipientId == hero.Id && n.Kind is NotificationKind.TeamMemberPublished or NotificationKind.TeamMemberCelebrated);
    }
}
