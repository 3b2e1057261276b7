using System.Threading.Channels;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CareStories.Web.Mail;

/// <summary>
/// What pages hand mail to: it is queued and the request goes on at once. A page that mails only when an address
/// has an account (forgot password, registering a taken address) then answers in the same time whatever the
/// address, so response times no longer tell which addresses have accounts; a slow mail server no longer holds
/// a person's page either. The queue lives in this process: a message not yet sent when it stops is lost, as
/// it would have been when the request failed.
/// </summary>
public sealed class MailQueue : IEmailSender
{
    private readonly Channel<OutgoingMail> _messages = Channel.CreateUnbounded<OutgoingMail>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<OutgoingMail> Reader => _messages.Reader;

    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        _messages.Writer.WriteAsync(new OutgoingMail(email, subject, htmlMessage)).AsTask();
}

public sealed record OutgoingMail(string Recipient, string Subject, string HtmlBody);

/// <summary>Sends what the queue holds, one at a time, trying a failed message a few times before giving it up.</summary>
public sealed class MailDispatcher(MailQueue queue, MailSender sender, ILogger<MailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendWithRetriesAsync(mail, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is already queued still goes out, without waiting between tries.
            while (queue.Reader.TryRead(out var mail))
            {
                await SendWithRetriesAsync(mail, CancellationToken.None, retry: false);
            }
        }
    }

    private async Task SendWithRetriesAsync(OutgoingMail mail, CancellationToken cancellationToken, bool retry = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await sender.SendEmailAsync(mail.Recipient, mail.Subject, mail.HtmlBody);
                return;
            }
            catch (Exception ex) when (ex is System.Net.Mail.SmtpException or IOException or InvalidOperationException)
            {
                if (!retry || attempt >= RetryDelays.Length)
                {
                    logger.LogError(ex, "Mail \"{Subject}\" to {Recipient} could not be sent; giving up.", mail.Subject, MailSender.Mask(mail.Recipient));
                    return;
                }

                logger.LogWarning(ex, "Mail \"{Subject}\" to {Recipient} could not be sent; trying again.", mail.Subject, MailSender.Mask(mail.Recipient));
                await Task.Delay(RetryDelays[attempt], cancellationToken);
            }
        }
    }
}
