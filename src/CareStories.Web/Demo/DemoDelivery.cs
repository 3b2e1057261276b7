using CareStories.Domain.Catalogue;
using CareStories.Domain.Delivery;
using CareStories.Domain.Notifications;
using CareStories.Web.Chat;

namespace CareStories.Web.Demo;

/// <summary>
/// Demo data for delivery: a few people's email choices (at once, weekly digest, stories of the week), a company
/// Slack channel and a team's Teams channel at clearly fake addresses on allowed hosts, and a delivery log with cards
/// posted and one that failed. The cards come from celebrations made through the same rules as any other, so the
/// log shows real cards; their outcome is then written as a worker would have recorded it.
/// </summary>
internal static class DemoDelivery
{
    /// <summary>Allowed hosts, so the pages show them as connectable; the paths say they are not real.</summary>
    internal static readonly Uri CompanySlack = new("https://hooks.slack.com/services/T00DEMO00/B00DEMO00/demo-not-a-real-webhook");
    internal static readonly Uri FieldServiceTeams = new("https://carestories-demo.webhook.office.com/webhookb2/demo-not-a-real-webhook");

    public static async Task WriteAsync(
        IServiceProvider services, CareStoriesDbContext db, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Team> teams,
        IReadOnlyList<Story> stories, DateTimeOffset now)
    {
        // Jamie hears of celebrations at once and the rest weekly; Fatima reads everything in a digest; Sam wants
        // review requests at once; Dana only the stories of the week.
        var jamie = new MailPreferences(people["employee"].Id, now.AddDays(-30));
        jamie.Choose(NotificationKind.StoryCelebrated, DeliveryChoice.EmailAtOnce);
        jamie.Choose(NotificationKind.StoryCommented, DeliveryChoice.WeeklyDigest);
        jamie.Choose(NotificationKind.StoryFeatured, DeliveryChoice.WeeklyDigest);
        jamie.ChooseStoriesOfTheWeek(true);
        var fatima = new MailPreferences(people["fatima"].Id, now.AddDays(-40));
        foreach (var kind in new[] { NotificationKind.StoryPublished, NotificationKind.StoryCelebrated, NotificationKind.StoryCommented, NotificationKind.ThanksApproved })
        {
            fatima.Choose(kind, DeliveryChoice.WeeklyDigest);
        }

        var sam = new MailPreferences(people["manager"].Id, now.AddDays(-60));
        sam.Choose(NotificationKind.StoryWaitingForReview, DeliveryChoice.EmailAtOnce);
        sam.Choose(NotificationKind.ThanksWaiting, DeliveryChoice.EmailAtOnce);
        var dana = new MailPreferences(people["leader"].Id, now.AddDays(-60));
        dana.ChooseStoriesOfTheWeek(true);
        db.MailPreferences.AddRange(jamie, fatima, sam, dana);

        var addresses = services.GetRequiredService<ChatAddresses>();
        var admin = people["admin"].Id;
        var company = new ChatWebhook(ChatPlatform.Slack, null, "#customer-wins", addresses.Protect(CompanySlack), ChatAddresses.Mask(CompanySlack), admin, now.AddDays(-21));
        var field = new ChatWebhook(ChatPlatform.MicrosoftTeams, teams["Field Service"].Id, "Field Service wins", addresses.Protect(FieldServiceTeams), ChatAddresses.Mask(FieldServiceTeams), admin, now.AddDays(-14));
        db.ChatWebhooks.AddRange(company, field);
        await db.SaveChangesAsync();

        await CelebrateForTheLogAsync(db, people, teams, stories, now);

        // What happened before the demo started was dealt with then: only the last day's news waits for the worker,
        // so the first start mails Jamie's newest celebration to the pickup folder and nothing older.
        var dayAgo = now.AddDays(-1);
        foreach (var note in await db.Notifications.Where(n => n.DeliveredAt == null).ToListAsync())
        {
            if (note.CreatedAt < dayAgo)
            {
                note.MarkDelivered(note.CreatedAt.AddMinutes(1));
            }
        }

        await db.SaveChangesAsync();

        // The Slack cards went through; the Teams channel was deleted on Microsoft's side, so its card was tried
        // ten times and given up, as the worker records it.
        var posts = await db.ChatPosts.Where(p => p.SentAt == null && p.GaveUpAt == null).ToListAsync();
        foreach (var post in posts)
        {
            var rows = db.ChatPosts.Where(p => p.Id == post.Id);
            if (post.WebhookId == company.Id)
            {
                await rows.ExecuteUpdateAsync(s => s.SetProperty(p => p.SentAt, post.CreatedAt.AddSeconds(3)).SetProperty(p => p.Attempts, 1).SetProperty(p => p.LastStatus, 200));
            }
            else
            {
                await rows.ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Attempts, ChatPost.MaxAttempts).SetProperty(p => p.LastStatus, 404)
                    .SetProperty(p => p.LastError, "The channel answered 404 Not Found.")
                    .SetProperty(p => p.GaveUpAt, post.CreatedAt.AddHours(30)).SetProperty(p => p.NextAttemptAt, post.CreatedAt.AddHours(30)));
            }
        }
    }

    /// <summary>Dana celebrates three published stories she had not yet, one of them Field Service's: each posts a card.</summary>
    private static async Task CelebrateForTheLogAsync(
        CareStoriesDbContext db, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Team> teams, IReadOnlyList<Story> stories, DateTimeOffset now)
    {
        var leader = people["leader"].Id;
        var celebrated = (await db.Celebrations.Where(c => c.CelebratorId == leader).Select(c => c.StoryId).ToListAsync()).ToHashSet();
        var fieldService = teams["Field Service"].Id;
        var candidates = stories
            .Where(s => s.Status == StoryStatus.Published && !celebrated.Contains(s.Id) && s.AuthorId != leader && s.Heroes.All(h => h.PersonId != leader) && s.PublishedAt < now.AddDays(-7))
            .OrderByDescending(s => s.Teams.Any(t => t.TeamId == fieldService)).ThenByDescending(s => s.PublishedAt)
            .Take(3).ToList();
        var badge = await db.Badges.OrderBy(b => b.Id).FirstAsync();
        var ats = new[] { now.AddDays(-6), now.AddDays(-3), now.AddDays(-2).AddHours(-4) };
        for (var i = 0; i < candidates.Count; i++)
        {
            db.Celebrations.Add(Celebration.Give(candidates[i].Facts(), leader, badge, "This is what we mean by care. Thank you for doing it.", ats[i]));
        }

        await db.SaveChangesAsync();
    }
}
