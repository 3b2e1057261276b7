using CareStories.Domain.Data;
using CareStories.Domain.Notifications;
using CareStories.Domain.Thanks;
using Microsoft.EntityFrameworkCore;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Data;

/// <summary>The entities raise events; the DbContext turns them into notification rows in the same save.</summary>
public sealed class DomainEventTests
{
    [Fact]
    public async Task Once_one_manager_reviews_a_story_every_managers_waiting_news_is_marked_read()
    {
        await using var race = await RaceDatabase.CreateAsync();
        var id = await race.StoryAsync(StoryStatus.Submitted);
        await using (var db = race.Context())
        {
            var waiting = await db.Notifications.Where(n => n.StoryId == id).ToListAsync();
            Assert.Equal(new[] { race.Lee.Id, race.Sam.Id }.Order(StringComparer.Ordinal), waiting.Select(n => n.RecipientId).Order(StringComparer.Ordinal));
            Assert.All(waiting, n => Assert.Equal((NotificationKind.StoryWaitingForReview, null), (n.Kind, n.ReadAt)));

            (await RaceDatabase.LoadStoryAsync(db, id)).Publish(race.Sam.Id, Now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var check = race.Context();
        var news = await check.Notifications.Where(n => n.StoryId == id).ToListAsync();
        Assert.All(news.Where(n => n.Kind == NotificationKind.StoryWaitingForReview), n => Assert.Equal(Now.AddHours(1), n.ReadAt));
        var published = Assert.Single(news, n => n.Kind == NotificationKind.StoryPublished);
        Assert.Equal((race.Author.Id, race.Sam.Id, (DateTimeOffset?)null), (published.RecipientId, published.ActorId, published.DeliveredAt));
    }

    [Fact]
    public async Task Once_one_manager_decides_a_thank_you_every_managers_waiting_news_is_marked_read()
    {
        await using var race = await RaceDatabase.CreateAsync();
        int thanksId;
        await using (var db = race.Context())
        {
            var link = ThankYouLink.ForPerson(race.Author.Id, race.Sam.Id, null, null, Now.AddDays(-1));
            db.ThankYouLinks.Add(link);
            var thanks = CustomerThanks.Receive(link, new ThanksSubmission("Thank you!", CustomerNaming.Anonymous, null, true), Now);
            db.CustomerThanks.Add(thanks);
            await db.SaveChangesAsync();
            thanksId = thanks.Id;
            var waiting = await db.Notifications.Where(n => n.CustomerThanksId == thanksId).ToListAsync();
            Assert.Equal(new[] { race.Lee.Id, race.Sam.Id }.Order(StringComparer.Ordinal), waiting.Select(n => n.RecipientId).Order(StringComparer.Ordinal));

            db.Stories.Add(thanks.ApproveAsDraft(race.Lee.Id, race.Author.Id, null, Now.AddHours(2)));
            await db.SaveChangesAsync();
        }

        await using var check = race.Context();
        Assert.All(
            await check.Notifications.Where(n => n.CustomerThanksId == thanksId).ToListAsync(),
            n => Assert.Equal(Now.AddHours(2), n.ReadAt));
        var approved = await check.Notifications.SingleAsync(n => n.Kind == NotificationKind.ThanksApproved);
        Assert.Equal((race.Author.Id, race.Lee.Id), (approved.RecipientId, approved.ActorId));
        Assert.NotNull(approved.StoryId);
    }

    [Fact]
    public async Task Featuring_tells_the_heroes_and_withdrawing_unfeatures()
    {
        await using var race = await RaceDatabase.CreateAsync();
        var id = await race.StoryAsync(StoryStatus.Published);
        await using (var db = race.Context())
        {
            db.FeaturedStories.Add(FeaturedStory.Feature((await RaceDatabase.LoadStoryAsync(db, id)).Facts(), race.Sam.Id, [], Now));
            await db.SaveChangesAsync();
        }

        await using (var db = race.Context())
        {
            var told = await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.StoryFeatured);
            Assert.Equal((race.Author.Id, race.Sam.Id, (int?)id), (told.RecipientId, told.ActorId, told.StoryId));

            var story = await db.Stories.SingleAsync(s => s.Id == id);
            story.Withdraw(race.Author.Id, Now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var check = race.Context();
        Assert.False(await check.FeaturedStories.AnyAsync());
    }

    [Fact]
    public async Task Every_save_of_a_story_bumps_its_version()
    {
        await using var race = await RaceDatabase.CreateAsync();
        var id = await race.StoryAsync(StoryStatus.Draft);
        await using var db = race.Context();
        var story = await db.Stories.SingleAsync(s => s.Id == id);
        var before = story.Version;

        story.Edit(Complete("A new title"), Now.AddHours(1));
        await db.SaveChangesAsync();

        Assert.Equal(before + 1, story.Version);
    }
}
