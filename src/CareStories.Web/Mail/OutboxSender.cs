using CareStories.Domain.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareStories.Web.Mail;

/// <summary>
/// Sends what the persistent outbox holds. Each message is claimed with a lease by one conditional UPDATE (only a
/// row that is unsent, due and not leased matches, so of two workers asking at once exactly one gets it, on SQLite
/// and PostgreSQL alike), sent, and then recorded as sent by the lease holder. A failed send is tried again after
/// <see cref="OutgoingMail.Backoff"/>; a worker that stops mid-send leaves its lease to run out, and the message is
/// taken again by whichever worker looks next (docs/architecture.md says what "once" means then).
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, ILogger<OutboxSender> logger)
{
    /// <summary>Longer than any send may take (the SMTP timeout is a minute), so a slow send is never taken by a second worker.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int BatchSize = 20;

    /// <summary>Who holds a lease: one per sender, so a record of the send only counts from the worker that holds it.</summary>
    public string WorkerId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Sends every message that is due now; returns how many this worker sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
            var now = clock.GetUtcNow();
            var due = await db.OutgoingMails.AsNoTracking()
                .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            foreach (var id in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await TrySendAsync(db, id, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private async Task<bool> TrySendAsync(CareStoriesDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseEnds = now + Lease;
        var claimed = await db.OutgoingMails
            .Where(m => m.Id == id && m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now
                && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, WorkerId).SetProperty(m => m.LeaseExpiresAt, leaseEnds), cancellationToken);
        if (claimed == 0)
        {
            return false; // another worker took it first
        }

        var mail = await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(MailMessages.Build(mail, options.Value.From), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-send: the lease runs out and the message is taken again, by this app's next start or another instance.
            throw;
        }
#pragma warning disable CA1031 // Whatever the transport throws (SMTP refusal, socket, TLS, disk), the message waits and is tried again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await RecordFailureAsync(db, mail, ex);
            return false;
        }

        // Recorded even while stopping: the shorter the time between the server's acceptance and this row, the
        // smaller the chance a crash makes a second worker send it again.
        await db.OutgoingMails.Where(m => m.Id == id && m.LeaseOwner == WorkerId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.SentAt, clock.GetUtcNow())
                    .SetProperty(m => m.Attempts, mail.Attempts + 1)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null),
                CancellationToken.None);
        logger.LogInformation("Sent outgoing mail {MailId} ({Category}) {Route}.", mail.Id, mail.Category, Route);
        return true;
    }

    private async Task RecordFailureAsync(CareStoriesDbContext db, OutgoingMail mail, Exception ex)
    {
        var attempts = mail.Attempts + 1;
        var now = clock.GetUtcNow();
        var giveUp = attempts >= OutgoingMail.MaxAttempts;
        var next = now + OutgoingMail.Backoff(attempts);
        // The exception's message only: it may name the server's reply, never the body; addresses in it are masked.
        var reason = SafeLogFormatter.Escape($"{ex.GetType().Name}: {ex.Message}");
        reason = reason.Length > OutgoingMail.LastErrorMaxLength ? reason[..OutgoingMail.LastErrorMaxLength] : reason;
        await db.OutgoingMails.Where(m => m.Id == mail.Id && m.LeaseOwner == WorkerId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, reason)
                    .SetProperty(m => m.GaveUpAt, giveUp ? now : null)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null),
                CancellationToken.None);
        if (giveUp)
        {
            logger.LogError("Outgoing mail {MailId} ({Category}) could not be sent {Route} after {Attempts} tries; giving up: {Reason}", mail.Id, mail.Category, Route, attempts, reason);
        }
        else
        {
            logger.LogWarning("Outgoing mail {MailId} ({Category}) could not be sent {Route} (try {Attempts}); trying again at {Next:u}: {Reason}", mail.Id, mail.Category, Route, attempts, next, reason);
        }
    }

    private string Route => transport is MailSender sender ? sender.Route : "through the configured transport";
}

/// <summary>Turns an outbox row into the MIME message both transports send.</summary>
public static class MailMessages
{
    public static MimeMessage Build(OutgoingMail mail, string from)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            // The same id on every try: a server or a mail client that sees it twice can tell it is one message.
            MessageId = $"outbox-{mail.Id}-{mail.CreatedAt.UtcTicks}@{(sender.Domain.Length > 0 ? sender.Domain : "carestories.local")}",
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (mail.Category != MailCategory.Account)
        {
            // Notifications are automatic: no out-of-office replies, please.
            message.Headers.Add("Auto-Submitted", "auto-generated");
        }

        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail providers offer an "unsubscribe" button that POSTs here, without a sign-in.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
