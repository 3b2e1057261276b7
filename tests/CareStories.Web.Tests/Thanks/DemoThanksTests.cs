using CareStories.Domain.Notifications;
using CareStories.Domain.Thanks;
using CareStories.Web.Tests.Demo;

namespace CareStories.Web.Tests.Thanks;

/// <summary>The demo's thank-yous: some waiting for Sam, approved ones on published stories, one discarded, one redacted.</summary>
public sealed class DemoThanksTests(DemoSeededFactory factory) : IClassFixture<DemoSeededFactory>
{
    [Fact]
    public async Task The_demo_shows_every_part_of_customers_thanks()
    {
        _ = factory.Server;

        var facts = await factory.WithDbAsync(async db =>
        {
            var sam = await db.Users.Where(u => u.Email == "manager@carestories.example").Select(u => u.Id).SingleAsync();
            var jamie = await db.Users.Where(u => u.Email == "employee@carestories.example").Select(u => u.Id).SingleAsync();
            return new
            {
                JamiesLink = await db.ThankYouLinks.CountAsync(l => l.PersonId == jamie && l.CreatedById == sam),
                TeamLinks = await db.ThankYouLinks.CountAsync(l => l.TeamId != null && l.CreatedById == sam),
                Waiting = await db.CustomerThanks.CountAsync(t => t.Status == ThanksStatus.Waiting),
                WaitingNews = await db.Notifications.CountAsync(n => n.RecipientId == sam && n.Kind == NotificationKind.ThanksWaiting && n.ReadAt == null),
                Approved = await db.CustomerThanks.CountAsync(t => t.Status == ThanksStatus.Approved && t.Quote!.Source == QuoteSource.ThankYouLink && t.Story!.Status == StoryStatus.Published),
                Discarded = await db.CustomerThanks.CountAsync(t => t.Status == ThanksStatus.Discarded && t.Text == ""),
                Redacted = await db.Quotes.CountAsync(q => q.IsTextRedacted && q.Text == "" && q.Redactions.Any()),
                ApprovedNews = await db.Notifications.CountAsync(n => n.Kind == NotificationKind.ThanksApproved),
            };
        });

        Assert.Equal(1, facts.JamiesLink);
        Assert.Equal(1, facts.TeamLinks);
        Assert.Equal(3, facts.Waiting);
        Assert.Equal(3, facts.WaitingNews);
        Assert.Equal(8, facts.Approved);
        Assert.Equal(1, facts.Discarded);
        Assert.Equal(1, facts.Redacted);
        Assert.True(facts.ApprovedNews >= 8);
    }
}
