using CareStories.Domain.Notifications;

namespace CareStories.Web.Tests.Demo;

/// <summary>The app as a newcomer first runs it: the demo data seeded on start.</summary>
public sealed class DemoSeededFactory : CareStoriesFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "true",
    };
}

public sealed class DemoDataTests(DemoSeededFactory factory) : IClassFixture<DemoSeededFactory>
{
    [Fact]
    public async Task The_demo_shows_every_part_of_recognition()
    {
        _ = factory.Server;

        var facts = await factory.WithDbAsync(async db => new
        {
            Statuses = await db.Stories.Select(s => s.Status).Distinct().CountAsync(),
            Badges = await db.Badges.CountAsync(),
            Celebrated = await db.Stories.CountAsync(s => db.Celebrations.Any(c => c.StoryId == s.Id)),
            CelebratedTwice = await db.Stories.CountAsync(s => db.Celebrations.Count(c => c.StoryId == s.Id) >= 2),
            Applauded = await db.Stories.CountAsync(s => db.Applause.Any(a => a.StoryId == s.Id)),
            Comments = await db.Comments.CountAsync(),
            Hidden = await db.Comments.CountAsync(c => c.HiddenAt != null && c.HiddenReason != null),
            Edited = await db.Comments.CountAsync(c => c.EditedAt != null),
            Featured = await db.FeaturedStories.CountAsync(f => db.Stories.Any(s => s.Id == f.StoryId && s.Status == StoryStatus.Published)),
            UnreadForEmployee = await db.Notifications.CountAsync(n => n.ReadAt == null && n.RecipientId == db.Users.Single(u => u.Email == "employee@carestories.example").Id),
            WaitingForManager = await db.Notifications.CountAsync(n => n.Kind == NotificationKind.StoryWaitingForReview && n.RecipientId == db.Users.Single(u => u.Email == "manager@carestories.example").Id),
            OnlyPublishedRecognised = await db.Stories.AllAsync(s => s.Status == StoryStatus.Published
                || (!db.Celebrations.Any(c => c.StoryId == s.Id) && !db.Applause.Any(a => a.StoryId == s.Id) && !db.Comments.Any(c => c.StoryId == s.Id))),
        });

        Assert.Equal(5, facts.Statuses);
        Assert.Equal(5, facts.Badges);
        Assert.InRange(facts.Celebrated, 10, 40);
        Assert.True(facts.CelebratedTwice >= 2);
        Assert.True(facts.Applauded >= 20);
        Assert.True(facts.Comments >= 10);
        Assert.Equal(1, facts.Hidden);
        Assert.Equal(1, facts.Edited);
        Assert.Equal(2, facts.Featured);
        Assert.True(facts.UnreadForEmployee >= 2);
        Assert.True(facts.WaitingForManager >= 1);
        Assert.True(facts.OnlyPublishedRecognised);
    }
}
