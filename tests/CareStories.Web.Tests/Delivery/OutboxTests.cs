using CareStories.Domain.Delivery;
using CareStories.Web.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace CareStories.Web.Tests.Delivery;

/// <summary>The persistent outbox: retried with backoff, sent once across a crash, never by two workers at once.</summary>
public sealed class OutboxTests(ScriptedTransportFactory factory) : IClassFixture<ScriptedTransportFactory>
{
    [Fact]
    public async Task A_failed_send_is_tried_again_only_after_its_backoff_and_then_sent()
    {
        var id = await QueueAsync();
        factory.Transport.FailNext(2);

        await factory.NewSender().SendDueAsync(CancellationToken.None);
        var first = await RowAsync(id);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.SentAt);
        Assert.Null(first.LeaseOwner);
        Assert.Equal(factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), first.NextAttemptAt);
        Assert.Contains("did not answer", first.LastError, StringComparison.Ordinal);

        // Not due yet: nothing is tried.
        factory.Clock.Advance(TimeSpan.FromSeconds(29));
        await factory.NewSender().SendDueAsync(CancellationToken.None);
        Assert.Equal(1, (await RowAsync(id)).Attempts);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.NewSender().SendDueAsync(CancellationToken.None);
        var second = await RowAsync(id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), second.NextAttemptAt);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await factory.NewSender().SendDueAsync(CancellationToken.None));
        var sent = await RowAsync(id);
        Assert.Equal(factory.Clock.GetUtcNow(), sent.SentAt);
        Assert.Equal(3, sent.Attempts);
        Assert.Single(factory.Transport.Sent, m => m.StartsWith($"outbox-{id}-", StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_doubles_from_thirty_seconds_up_to_six_hours()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutgoingMail.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(1), OutgoingMail.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(8), OutgoingMail.Backoff(5));
        Assert.Equal(TimeSpan.FromHours(6), OutgoingMail.Backoff(30));
    }

    [Fact]
    public async Task A_message_is_given_up_after_its_last_try()
    {
        var id = await QueueAsync();
        factory.Transport.FailNext(OutgoingMail.MaxAttempts);
        for (var attempt = 1; attempt <= OutgoingMail.MaxAttempts; attempt++)
        {
            await factory.NewSender().SendDueAsync(CancellationToken.None);
            factory.Clock.Advance(OutgoingMail.Backoff(attempt));
        }

        var row = await RowAsync(id);
        Assert.NotNull(row.GaveUpAt);
        Assert.Null(row.SentAt);
        Assert.Equal(0, await factory.NewSender().SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_worker_stopped_mid_send_leaves_the_message_to_be_sent_once_after_its_lease_runs_out()
    {
        var id = await QueueAsync();
        factory.Transport.HangNext = true;
        using var crash = new CancellationTokenSource();
        var stopped = factory.NewSender();
        var sending = stopped.SendDueAsync(crash.Token);
        await factory.Transport.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var leased = await RowAsync(id);
        Assert.Equal(stopped.WorkerId, leased.LeaseOwner);
        Assert.Null(leased.SentAt);

        // Another worker (or the app after a restart) leaves it while the lease holds…
        Assert.Equal(0, await factory.NewSender().SendDueAsync(CancellationToken.None));
        factory.Clock.Advance(OutboxSender.Lease);
        Assert.Equal(0, await factory.NewSender().SendDueAsync(CancellationToken.None));

        // …and takes it once the lease has run out: sent exactly once.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await factory.NewSender().SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await factory.NewSender().SendDueAsync(CancellationToken.None));
        Assert.Single(factory.Transport.Sent, m => m.StartsWith($"outbox-{id}-", StringComparison.Ordinal));
        Assert.NotNull((await RowAsync(id)).SentAt);
    }

    [Fact]
    public async Task Two_workers_at_once_never_send_the_same_message()
    {
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await QueueAsync());
        }

        factory.Transport.SendTime = TimeSpan.FromMilliseconds(5);
        try
        {
            var first = factory.NewSender();
            var second = factory.NewSender();
            var counts = await Task.WhenAll(
                Task.Run(() => first.SendDueAsync(CancellationToken.None)),
                Task.Run(() => second.SendDueAsync(CancellationToken.None)));

            var mine = factory.Transport.Sent.Where(m => ids.Any(id => m.StartsWith($"outbox-{id}-", StringComparison.Ordinal))).ToList();
            Assert.Equal(ids.Count, mine.Count);
            Assert.Equal(mine.Count, mine.Distinct().Count());
            Assert.True(counts.Sum() >= ids.Count, $"The two workers sent {counts[0]} and {counts[1]}.");
            Assert.All(await factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync()), m => Assert.Equal(1, m.Attempts));
        }
        finally
        {
            factory.Transport.SendTime = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task The_pickup_folder_gets_a_message_once_even_when_it_is_written_twice()
    {
        // Not queued: this test writes straight to the folder, and nothing should wait in this class's outbox.
        var mail = new OutgoingMail(MailCategory.Account, $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}", null, "Hello", "<p>Hello</p>", "Hello", factory.Clock.GetUtcNow());
        var folder = factory.Services.GetRequiredService<MailSender>();
        var message = MailMessages.Build(mail, "CareStories <no-reply@carestories.test>");

        await folder.SendAsync(message, CancellationToken.None);
        await folder.SendAsync(MailMessages.Build(mail, "CareStories <no-reply@carestories.test>"), CancellationToken.None);

        Assert.Single(Mailbox.MessagesTo(factory.MailFolder, mail.To));
    }

    private async Task<long> QueueAsync() => await factory.WithDbAsync(async db =>
    {
        var mail = new OutgoingMail(MailCategory.Account, $"{Guid.NewGuid():N}@{CareStoriesFactory.EmailDomain}", null, "Hello", "<p>Hello</p>", "Hello", factory.Clock.GetUtcNow());
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    });

    private Task<OutgoingMail> RowAsync(long id) => factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id));
}
