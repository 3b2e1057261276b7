using CareStories.Domain.Catalogue;
using CareStories.Domain.Data;
using CareStories.Domain.Thanks;
using Microsoft.EntityFrameworkCore;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Data;

/// <summary>
/// Two people deciding the same thing at once: both load it, one saves, then the other saves. The database keeps
/// the first decision and the second person is told who decided first, never a silent overwrite.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task The_second_of_two_managers_publishing_a_story_is_told_who_published_it_first()
    {
        await using var race = await RaceDatabase.CreateAsync();
        var id = await race.StoryAsync(StoryStatus.Submitted);
        await using var sams = race.Context();
        await using var lees = race.Context();
        var samsCopy = await RaceDatabase.LoadStoryAsync(sams, id);
        var leesCopy = await RaceDatabase.LoadStoryAsync(lees, id);

        samsCopy.Publish(race.Sam.Id, new DateTimeOffset(2026, 3, 10, 12, 42, 0, TimeSpan.Zero));
        await sams.SaveStoryAsync(id);
        leesCopy.RequestChanges(race.Lee.Id, "Add the customer's words.", Now.AddHours(1));
        var refused = await Assert.ThrowsAsync<DomainException>(() => lees.SaveStoryAsync(id));

        Assert.Equal("Sam Okafor already published this story at 12:42 UTC.", refused.Message);
        await using var check = race.Context();
        var story = await check.Stories.Include(s => s.History).SingleAsync(s => s.Id == id);
        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Null(story.ReviewComment);
        Assert.Equal(3, story.History.Count);
    }

    [Fact]
    public async Task The_second_of_two_managers_deciding_a_thank_you_is_told_who_decided_first()
    {
        await using var race = await RaceDatabase.CreateAsync();
        int thanksId;
        await using (var db = race.Context())
        {
            var link = ThankYouLink.ForPerson(race.Author.Id, race.Sam.Id, null, null, Now.AddDays(-1));
            db.ThankYouLinks.Add(link);
            var received = CustomerThanks.Receive(link, new ThanksSubmission("Thank you!", CustomerNaming.Anonymous, null, true), Now);
            db.CustomerThanks.Add(received);
            await db.SaveChangesAsync();
            thanksId = received.Id;
        }

        await using var sams = race.Context();
        await using var lees = race.Context();
        var samsCopy = await sams.CustomerThanks.SingleAsync(t => t.Id == thanksId);
        var leesCopy = await lees.CustomerThanks.SingleAsync(t => t.Id == thanksId);

        samsCopy.Discard(race.Sam.Id, new DateTimeOffset(2026, 3, 10, 9, 5, 0, TimeSpan.Zero));
        await sams.SaveThanksAsync(thanksId);
        lees.Stories.Add(leesCopy.ApproveAsDraft(race.Lee.Id, race.Author.Id, null, Now.AddHours(1)));
        var refused = await Assert.ThrowsAsync<DomainException>(() => lees.SaveThanksAsync(thanksId));

        Assert.Equal("Sam Okafor already discarded this thank-you at 09:05 UTC.", refused.Message);
        await using var check = race.Context();
        Assert.Equal(ThanksStatus.Discarded, (await check.CustomerThanks.SingleAsync(t => t.Id == thanksId)).Status);
        Assert.False(await check.Stories.AnyAsync(s => s.AuthorId == race.Author.Id && s.Title.Contains("said thank you")));
    }

    [Fact]
    public async Task Two_leaders_featuring_at_once_cannot_make_a_fourth_featured_story()
    {
        await using var race = await RaceDatabase.CreateAsync();
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await race.StoryAsync(StoryStatus.Published));
        }

        await using (var db = race.Context())
        {
            var featured = new List<FeaturedStory>();
            foreach (var id in ids.Take(2))
            {
                featured.Add(FeaturedStory.Feature((await RaceDatabase.LoadStoryAsync(db, id)).Facts(), race.Sam.Id, featured, Now));
            }

            db.FeaturedStories.AddRange(featured);
            await db.SaveChangesAsync();
        }

        await using var first = race.Context();
        await using var second = race.Context();
        var seenByFirst = await first.FeaturedStories.ToListAsync();
        var seenBySecond = await second.FeaturedStories.ToListAsync();
        first.FeaturedStories.Add(FeaturedStory.Feature((await RaceDatabase.LoadStoryAsync(first, ids[2])).Facts(), race.Sam.Id, seenByFirst, Now));
        second.FeaturedStories.Add(FeaturedStory.Feature((await RaceDatabase.LoadStoryAsync(second, ids[3])).Facts(), race.Lee.Id, seenBySecond, Now));

        await first.SaveOrExplainAsync(ct => first.WhyNotFeaturedAsync(ids[2], ct));
        var refused = await Assert.ThrowsAsync<DomainException>(() => second.SaveOrExplainAsync(ct => second.WhyNotFeaturedAsync(ids[3], ct)));

        Assert.Equal("At most 3 stories can be featured at once. Unfeature one first.", refused.Message);
        await using var check = race.Context();
        Assert.Equal([ids[0], ids[1], ids[2]], await check.FeaturedStories.OrderBy(f => f.Slot).Select(f => f.StoryId).ToListAsync());
    }

    [Fact]
    public async Task Two_posts_celebrating_at_once_keep_one_celebration_and_say_so()
    {
        await using var race = await RaceDatabase.CreateAsync();
        var id = await race.StoryAsync(StoryStatus.Published);
        var badge = new Badge("Star", "Shines.", BadgeColour.Amber);
        await using (var db = race.Context())
        {
            db.Badges.Add(badge);
            await db.SaveChangesAsync();
        }

        await using var first = race.Context();
        await using var second = race.Context();
        var facts = (await RaceDatabase.LoadStoryAsync(first, id)).Facts();
        first.Celebrations.Add(Celebration.Give(facts, race.Sam.Id, badge, "Brilliant.", Now));
        second.Celebrations.Add(Celebration.Give(facts, race.Sam.Id, badge, "Brilliant!", Now));

        await first.SaveChangesAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => second.SaveOrExplainAsync(
            async ct => await second.Celebrations.AnyAsync(c => c.StoryId == id && c.CelebratorId == race.Sam.Id, ct) ? Celebration.AlreadyCelebrated : null));

        Assert.Equal("You have already celebrated this story.", refused.Message);
        await using var check = race.Context();
        Assert.Equal(1, await check.Celebrations.CountAsync(c => c.StoryId == id));
    }
}
