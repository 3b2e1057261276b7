using CareStories.Domain.Delivery;
using CareStories.Web.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Tests.Delivery;

/// <summary>
/// The worker clears mail and chat cards finished (sent or given up) more than the kept days ago, in bounded batches,
/// and never anything still waiting to be sent; on the fake clock.
/// </summary>
public sealed class OutboxRetentionTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private OutboxRetention Retention(int batch = 500) => new(
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        factory.Clock,
        Options.Create(new DeliveryOptions { KeepDays = 90, PurgeBatchSize = batch }),
        NullLogger<OutboxRetention>.Instance);

    private enum State { Waiting, Sent, GaveUp }

    /// <summary>A mail created <paramref name="daysAgo"/> days ago and finished (or not) then.</summary>
    private Task<long> MailAsync(double daysAgo, State state) => factory.WithDbAsync(async db =>
    {
        var at = factory.Clock.GetUtcNow().AddDays(-daysAgo);
        var mail = new OutgoingMail(MailCategory.Account, "someone@example.com", null, TestData.Unique("Subject"), "<p>Hi</p>", "Hi", at);
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync();
        var row = db.OutgoingMails.Where(m => m.Id == mail.Id);
        _ = state switch
        {
            State.Sent => await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at)),
            State.GaveUp => await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, at)),
            _ => 0,
        };
        return mail.Id;
    });

    /// <summary>A chat card for a published story, finished (or not) <paramref name="daysAgo"/> days ago.</summary>
    private async Task<long> ChatPostAsync(double daysAgo, State state)
    {
        var admin = await factory.Data.PersonAsync(Roles.Admin);
        var author = await factory.Data.PersonAsync();
        var teamId = await factory.Data.TeamAsync();
        var at = factory.Clock.GetUtcNow().AddDays(-daysAgo);
        await factory.WithDbAsync(async db =>
        {
            db.ChatWebhooks.Add(new ChatWebhook(ChatPlatform.Slack, teamId, TestData.Unique("#wins"), "sealed", "https://hooks.slack.com/…abcd", admin.Id, at));
            await db.SaveChangesAsync();
        });
        // The card is made now; only when it was finished counts.
        var now = factory.Clock.GetUtcNow();
        var storyId = await factory.Data.StoryAsync(author, teamId, s =>
        {
            s.Submit(author.Id, now);
            s.Publish(admin.Id, now);
        });
        return await factory.WithDbAsync(async db =>
        {
            var row = db.ChatPosts.Where(p => p.StoryId == storyId);
            _ = state switch
            {
                State.Sent => await row.ExecuteUpdateAsync(s => s.SetProperty(p => p.SentAt, at)),
                State.GaveUp => await row.ExecuteUpdateAsync(s => s.SetProperty(p => p.GaveUpAt, at)),
                _ => 0,
            };
            return await row.Select(p => p.Id).SingleAsync();
        });
    }

    private Task<bool> MailExistsAsync(long id) => factory.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.Id == id));

    private Task<bool> PostExistsAsync(long id) => factory.WithDbAsync(db => db.ChatPosts.AnyAsync(p => p.Id == id));

    [Fact]
    public async Task Mail_and_chat_cards_finished_more_than_the_kept_days_ago_are_removed_and_nothing_waiting_is()
    {
        var oldSent = await MailAsync(91, State.Sent);
        var oldGivenUp = await MailAsync(120, State.GaveUp);
        var recentSent = await MailAsync(89, State.Sent);
        var oldWaiting = await MailAsync(200, State.Waiting);
        var oldPost = await ChatPostAsync(95, State.Sent);
        var oldFailedPost = await ChatPostAsync(95, State.GaveUp);
        var recentPost = await ChatPostAsync(10, State.Sent);
        var waitingPost = await ChatPostAsync(100, State.Waiting);

        var (mails, posts) = await Retention(batch: 1).PurgeAsync(CancellationToken.None);

        Assert.True(mails >= 2 && posts >= 2, $"Removed {mails} mails and {posts} posts.");
        Assert.False(await MailExistsAsync(oldSent));
        Assert.False(await MailExistsAsync(oldGivenUp));
        Assert.True(await MailExistsAsync(recentSent));
        Assert.True(await MailExistsAsync(oldWaiting));
        Assert.False(await PostExistsAsync(oldPost));
        Assert.False(await PostExistsAsync(oldFailedPost));
        Assert.True(await PostExistsAsync(recentPost));
        Assert.True(await PostExistsAsync(waitingPost));

        // The day the recent one passes the kept days, it goes too.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await Retention().PurgeAsync(CancellationToken.None);
        Assert.False(await MailExistsAsync(recentSent));
        Assert.True(await MailExistsAsync(oldWaiting));
    }

    [Fact]
    public async Task A_pass_removes_at_most_its_batches_and_the_next_pass_goes_on()
    {
        await factory.WithDbAsync(db => db.OutgoingMails.Where(m => m.SentAt != null || m.GaveUpAt != null).ExecuteDeleteAsync());
        var ids = new List<long>();
        for (var i = 0; i < OutboxRetention.MaxBatchesPerPass + 3; i++)
        {
            ids.Add(await MailAsync(100, State.Sent));
        }

        var retention = Retention(batch: 1);
        Assert.Equal(OutboxRetention.MaxBatchesPerPass, (await retention.PurgeAsync(CancellationToken.None)).Mails);
        Assert.Equal(3, (await retention.PurgeAsync(CancellationToken.None)).Mails);
        foreach (var id in ids)
        {
            Assert.False(await MailExistsAsync(id));
        }
    }

    [Fact]
    public async Task The_worker_purges_once_an_hour_not_on_every_pass()
    {
        var retention = Retention();
        await retention.PurgeIfDueAsync(CancellationToken.None);
        var old = await MailAsync(100, State.Sent);

        await retention.PurgeIfDueAsync(CancellationToken.None);
        Assert.True(await MailExistsAsync(old));

        factory.Clock.Advance(OutboxRetention.Every);
        await retention.PurgeIfDueAsync(CancellationToken.None);
        Assert.False(await MailExistsAsync(old));
    }
}
