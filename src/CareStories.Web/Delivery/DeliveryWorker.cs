using CareStories.Web.Chat;
using CareStories.Web.Mail;

namespace CareStories.Web.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Run the background worker in this instance. Any number of instances may run it: they share the work through the outbox.</summary>
    public bool Worker { get; init; } = true;

    /// <summary>How often the worker looks at the outbox when nothing in this instance woke it.</summary>
    public double PollSeconds { get; init; } = 5;

    /// <summary>Sent (or given-up) mail and chat cards are kept this many days for the delivery log, then removed; 0 keeps them for ever.</summary>
    public int KeepDays { get; init; } = 90;

    /// <summary>At most this many rows per DELETE when removing them.</summary>
    public int PurgeBatchSize { get; init; } = 500;
}

/// <summary>
/// The background worker: composes mail from new notifications and the weekly mails, then sends what the mail outbox
/// holds and posts the chat outbox's cards, and now and then clears what was finished long ago (<see cref="OutboxRetention"/>); woken at once by <see cref="DeliveryNudge"/>, otherwise every <see cref="DeliveryOptions.PollSeconds"/>.
/// Everything it works from is in the database, so a restart loses nothing.
/// </summary>
public sealed class DeliveryWorker(
    IServiceScopeFactory scopes, OutboxSender sender, Chat.ChatSender chat, OutboxRetention retention, DeliveryNudge nudge, Microsoft.Extensions.Options.IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<MailComposer>().ComposeAsync(stoppingToken);
                }

                await sender.SendDueAsync(stoppingToken);
                await chat.SendDueAsync(stoppingToken);
                await retention.PurgeIfDueAsync(stoppingToken);
                await nudge.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (the database busy or briefly gone) must not stop delivery for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "A delivery pass failed; the next one starts in {Seconds} s.", poll.TotalSeconds);
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

public static class DeliveryServices
{
    public static void AddCareStoriesDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton<DeliveryNudge>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<MailSender>());
        services.AddTransient<OutboxSender>();
        services.AddSingleton<OutboxRetention>();
        services.AddSingleton<AppLinks>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<MailComposer>();
        services.AddSingleton<Microsoft.AspNetCore.Identity.UI.Services.IEmailSender, OutboxEmailSender>();
        services.AddHostedService<DeliveryWorker>();
        services.AddCareStoriesChat(configuration);
    }
}
