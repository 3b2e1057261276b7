using CareStories.Domain.Delivery;
using CareStories.Domain.Notifications;

namespace CareStories.Web.Tests.Demo;

/// <summary>The demo's delivery data: email choices, two chat channels at fake addresses, and a log with both outcomes.</summary>
public sealed class DemoDeliveryTests(DemoSeededFactory factory) : IClassFixture<DemoSeededFactory>
{
    [Fact]
    public async Task The_demo_has_email_choices_chat_channels_and_a_delivery_log_an_admin_reads()
    {
        _ = factory.Server;
        var facts = await factory.WithDbAsync(async db => new
        {
            Preferences = await db.MailPreferences.AsNoTracking().Include(p => p.Kinds).ToListAsync(),
            Jamie = await db.Users.Where(u => u.Email == "employee@carestories.example").Select(u => u.Id).SingleAsync(),
            Webhooks = await db.ChatWebhooks.AsNoTracking().ToListAsync(),
            Sent = await db.ChatPosts.CountAsync(p => p.SentAt != null),
            GaveUp = await db.ChatPosts.CountAsync(p => p.GaveUpAt != null && p.LastError != null),
            Waiting = await db.ChatPosts.CountAsync(p => p.SentAt == null && p.GaveUpAt == null),
        });

        Assert.InRange(facts.Preferences.Count, 3, 6);
        var jamie = facts.Preferences.Single(p => p.PersonId == facts.Jamie);
        Assert.Equal(DeliveryChoice.EmailAtOnce, jamie.ChoiceFor(NotificationKind.StoryCelebrated));
        Assert.Contains(facts.Preferences, p => p.Kinds.Any(k => k.Choice == DeliveryChoice.WeeklyDigest));
        Assert.Contains(facts.Preferences, p => p.WantsStoriesOfTheWeek);
        Assert.Contains(facts.Webhooks, w => w.TeamId == null && w.Platform == ChatPlatform.Slack);
        Assert.Contains(facts.Webhooks, w => w.TeamId != null && w.Platform == ChatPlatform.MicrosoftTeams);
        Assert.All(facts.Webhooks, w => Assert.DoesNotContain("demo-not-a-real", w.ProtectedAddress, StringComparison.Ordinal));
        Assert.True(facts.Sent >= 2, $"{facts.Sent} cards sent.");
        Assert.True(facts.GaveUp >= 1, $"{facts.GaveUp} cards given up.");
        Assert.Equal(0, facts.Waiting);

        var admin = await factory.SignInAsync(new TestPerson(
            await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@carestories.example").Select(u => u.Id).SingleAsync()),
            "admin@carestories.example", Web.Demo.DemoData.Password, "Morgan Lee"));
        var log = await admin.GetDocumentAsync("/Admin/Chat/Log");
        Assert.Contains("#customer-wins", log.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("404", log.Body.TextContent, StringComparison.Ordinal);
    }
}
