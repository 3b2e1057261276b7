using CareStories.Domain.Delivery;
using CareStories.Domain.Insights;
using CareStories.Domain.Notifications;
using CareStories.Web.Mail;
using CareStories.Web.Tests.Recognition;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Delivery;

/// <summary>
/// Several instances run the same weekly work at the same moment (each has its own worker and nudge service): each
/// person still gets one digest, one "stories of the week" and one nudge a week.
/// </summary>
public sealed class WeeklyRaceTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    [Fact]
    public async Task Two_workers_composing_the_weekly_mails_at_once_send_each_person_one_of_each()
    {
        var people = new List<TestPerson>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(await factory.Data.PersonAsync());
        }

        await factory.PublishedStoryAsync();
        var now = factory.Clock.GetUtcNow();
        await factory.WithDbAsync(async db =>
        {
            foreach (var person in people)
            {
                var preferences = new MailPreferences(person.Id, now);
                preferences.Choose(NotificationKind.NotRecognisedNudge, DeliveryChoice.WeeklyDigest);
                preferences.ChooseStoriesOfTheWeek(true);
                db.MailPreferences.Add(preferences);
                db.Notifications.Add(Notification.ForPerson(person.Id, NotificationKind.NotRecognisedNudge, now));
            }

            await db.SaveChangesAsync();
        });
        factory.Clock.SetUtcNow(MailWeek.DueWeek(now).AddDays(7) + MailWeek.SendFrom);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MailComposer>().ComposeAsync(CancellationToken.None);
        })));
        await factory.DeliverAsync();

        var ids = people.Select(p => p.Id).ToList();
        var mails = await factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => ids.Contains(m.PersonId!))
            .Select(m => new { m.PersonId, m.Category }).ToListAsync());
        foreach (var person in people)
        {
            Assert.Single(mails, m => m.PersonId == person.Id && m.Category == MailCategory.Digest);
            Assert.Single(mails, m => m.PersonId == person.Id && m.Category == MailCategory.StoriesOfTheWeek);
            Assert.Single(Mailbox.MessagesTo(factory.MailFolder, person.Email), m => m.Subject.StartsWith("Your week", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Two_instances_nudging_at_once_tell_each_manager_once()
    {
        var managers = new List<TestPerson>();
        for (var i = 0; i < 6; i++)
        {
            var manager = await factory.Data.PersonAsync(Roles.Employee, Roles.Manager);
            await factory.Data.TeamAsync(TeamKind.BehindTheScenes, members: [await factory.Data.PersonAsync()], managers: [manager]);
            managers.Add(manager);
        }

        var now = factory.Clock.GetUtcNow();
        var sent = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            factory.WithDbAsync(db => RecognitionNudges.SendDueAsync(db, now, CancellationToken.None)))));

        var ids = managers.Select(m => m.Id).ToList();
        var nudges = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.RecipientId) && n.Kind == NotificationKind.NotRecognisedNudge).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(ids.Order(), nudges.Order());
        Assert.True(sent.Sum() >= managers.Count, $"The two instances nudged {sent[0]} and {sent[1]} managers.");
    }
}
