using Microsoft.Extensions.Options;

namespace CareStories.Web.Delivery;

/// <summary>
/// Clears the outboxes of what is finished: mail and chat cards sent (or given up) more than
/// <see cref="DeliveryOptions.KeepDays"/> ago. Nothing still waiting to be sent is ever removed. Each DELETE takes at
/// most <see cref="DeliveryOptions.PurgeBatchSize"/> rows, oldest first, so a first purge of a large backlog never
/// holds the database's writer for long; a pass stops after <see cref="MaxBatchesPerPass"/> batches and the next pass
/// goes on. Any instance may run it at once with another: a row deleted twice is deleted once.
/// </summary>
public sealed class OutboxRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeliveryOptions> options, ILogger<OutboxRetention> logger)
{
    public const int MaxBatchesPerPass = 20;

    /// <summary>How often the worker purges: the rows are days old, so there is no hurry.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    /// <summary>Purges when <see cref="Every"/> has passed since this instance last did; the worker calls it on each pass.</summary>
    public async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + Every;
        await PurgeAsync(cancellationToken);
    }

    /// <summary>One pass: returns how many mails and chat cards were removed.</summary>
    public async Task<(int Mails, int ChatPosts)> PurgeAsync(CancellationToken cancellationToken)
    {
        var keep = options.Value.KeepDays;
        if (keep <= 0)
        {
            return (0, 0);
        }

        var cutoff = clock.GetUtcNow().AddDays(-keep);
        var batch = Math.Max(1, options.Value.PurgeBatchSize);
        var mails = 0;
        var posts = 0;
        for (var pass = 0; pass < MaxBatchesPerPass; pass++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
            // Both questions are ranges of the senders' own (SentAt, GaveUpAt, …) index.
            var oldMails = db.OutgoingMails
                .Where(m => m.SentAt < cutoff || (m.SentAt == null && m.GaveUpAt < cutoff))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(batch);
            var deletedMails = await db.OutgoingMails.Where(m => oldMails.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            var oldPosts = db.ChatPosts
                .Where(p => p.SentAt < cutoff || (p.SentAt == null && p.GaveUpAt < cutoff))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(batch);
            var deletedPosts = await db.ChatPosts.Where(p => oldPosts.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
            mails += deletedMails;
            posts += deletedPosts;
            if (deletedMails < batch && deletedPosts < batch)
            {
                break;
            }
        }

        if (mails + posts > 0)
        {
            logger.LogInformation("Removed {Mails} mails and {Posts} chat cards finished more than {Days} days ago.", mails, posts, keep);
        }

        return (mails, posts);
    }
}
