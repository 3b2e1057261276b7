using System.Net.Http.Json;
using CareStories.Domain.Delivery;
using CareStories.Web.Delivery;
using Polly;

namespace CareStories.Web.Chat;

/// <summary>
/// Posts the chat outbox's cards, the same way the mail outbox sends: claim with a lease by a conditional UPDATE,
/// post, record the answer; a failure waits an exponential backoff (<see cref="OutgoingMail.Backoff"/>) and is tried
/// again, up to <see cref="ChatPost.MaxAttempts"/> times; an address inside the network is given up at once.
/// </summary>
public sealed class ChatSender(
    IServiceScopeFactory scopes, IHttpClientFactory clients, ChatAddresses addresses, AppLinks links, TimeProvider clock, ILogger<ChatSender> logger)
{
    public const string HttpClientName = "chat";

    public string WorkerId { get; } = Guid.NewGuid().ToString("N");

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
            var now = clock.GetUtcNow();
            var due = await db.ChatPosts.AsNoTracking()
                .Where(p => p.SentAt == null && p.GaveUpAt == null && p.NextAttemptAt <= now && (p.LeaseExpiresAt == null || p.LeaseExpiresAt < now))
                .OrderBy(p => p.NextAttemptAt).ThenBy(p => p.Id)
                .Select(p => p.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            foreach (var id in due)
            {
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
        var leaseEnds = now + Mail.OutboxSender.Lease;
        var claimed = await db.ChatPosts
            .Where(p => p.Id == id && p.SentAt == null && p.GaveUpAt == null && p.NextAttemptAt <= now && (p.LeaseExpiresAt == null || p.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseOwner, WorkerId).SetProperty(p => p.LeaseExpiresAt, leaseEnds), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var post = await db.ChatPosts.AsNoTracking().Include(p => p.Webhook).SingleAsync(p => p.Id == id, cancellationToken);
        var card = await ChatCard.ReadAsync(db, post, links.To($"/Stories/{post.StoryId}"), cancellationToken);
        if (card is null)
        {
            await RecordAsync(db, post, status: null, "Not posted: the story is no longer published.", giveUp: true);
            return false;
        }

        try
        {
            var body = post.Webhook.Platform == ChatPlatform.Slack ? card.ToSlack() : card.ToTeams();
            using var response = await clients.CreateClient(HttpClientName)
                .PostAsJsonAsync(addresses.Unprotect(post.Webhook.ProtectedAddress), body, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                await db.ChatPosts.Where(p => p.Id == id && p.LeaseOwner == WorkerId).ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.SentAt, clock.GetUtcNow()).SetProperty(p => p.Attempts, post.Attempts + 1)
                        .SetProperty(p => p.LastStatus, (int)response.StatusCode).SetProperty(p => p.LastError, (string?)null)
                        .SetProperty(p => p.LeaseOwner, (string?)null).SetProperty(p => p.LeaseExpiresAt, (DateTimeOffset?)null),
                    CancellationToken.None);
                return true;
            }

            // A redirect is not followed (it could lead inside the network) and counts as a failure like any other answer.
            await RecordAsync(db, post, (int)response.StatusCode, $"The channel answered {(int)response.StatusCode} {response.ReasonPhrase}.", giveUp: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException ex) when (ex.InnerException is ChatAddressRefusedException refused)
        {
            await RecordAsync(db, post, status: null, refused.Message, giveUp: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException or Polly.Timeout.TimeoutRejectedException)
        {
            await RecordAsync(db, post, status: null, $"{ex.GetType().Name}: {ex.Message}", giveUp: ex is System.Security.Cryptography.CryptographicException);
        }

        return false;
    }

    private async Task RecordAsync(CareStoriesDbContext db, ChatPost post, int? status, string reason, bool giveUp)
    {
        var attempts = post.Attempts + 1;
        var now = clock.GetUtcNow();
        giveUp = giveUp || attempts >= ChatPost.MaxAttempts;
        var next = now + OutgoingMail.Backoff(attempts);
        reason = SafeLogFormatter.Escape(reason);
        reason = reason.Length > ChatPost.LastErrorMaxLength ? reason[..ChatPost.LastErrorMaxLength] : reason;
        await db.ChatPosts.Where(p => p.Id == post.Id && p.LeaseOwner == WorkerId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Attempts, attempts).SetProperty(p => p.NextAttemptAt, next)
                .SetProperty(p => p.LastStatus, status).SetProperty(p => p.LastError, reason)
                .SetProperty(p => p.GaveUpAt, giveUp ? now : null)
                .SetProperty(p => p.LeaseOwner, (string?)null).SetProperty(p => p.LeaseExpiresAt, (DateTimeOffset?)null),
            CancellationToken.None);
        logger.LogWarning(
            "Chat card {PostId} for channel {WebhookId} was not posted (try {Attempts}){Outcome}: {Reason}",
            post.Id, post.WebhookId, attempts, giveUp ? "; giving up" : $"; trying again at {next:u}", reason);
    }
}

public static class ChatServices
{
    public static void AddCareStoriesChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ChatOptions>(configuration.GetSection(ChatOptions.Section));
        services.AddSingleton<ChatAddresses>();
        services.AddTransient<ChatSender>();
        var quickRetries = configuration.GetValue($"{ChatOptions.Section}:{nameof(ChatOptions.QuickRetries)}", 2);
        var client = services.AddHttpClient(ChatSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A redirect could point anywhere, inside the network too: never followed.
                AllowAutoRedirect = false,
                // No proxy: the address check must see where the connection really goes.
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<ChatAddresses>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        if (quickRetries > 0)
        {
            // Microsoft.Extensions.Http.Resilience: IHttpClientFactory's own integration of Polly 8, whose retry
            // already knows which answers are worth retrying (5xx, 408, 429 with its Retry-After). It smooths over a
            // blip within seconds; anything longer is the outbox's backoff, which survives a restart.
            client.AddResilienceHandler("chat-quick-retry", pipeline => pipeline.AddRetry(new Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions
            {
                MaxRetryAttempts = quickRetries,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = Polly.DelayBackoffType.Exponential,
                UseJitter = true,
            }));

            // A failed try is the chat sender's to report: it logs one warning per card with what it recorded, and the
            // delivery log shows it. Polly's own telemetry would log every attempt again, the last one as an error.
            services.Configure<Polly.Telemetry.TelemetryOptions>(options => options.SeverityProvider = args =>
                args.Source.PipelineName?.StartsWith(ChatSender.HttpClientName, StringComparison.Ordinal) == true
                    && args.Event.Severity > Polly.Telemetry.ResilienceEventSeverity.Information
                    ? Polly.Telemetry.ResilienceEventSeverity.Information
                    : args.Event.Severity);
        }
    }
}
