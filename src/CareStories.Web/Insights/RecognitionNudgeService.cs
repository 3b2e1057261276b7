using CareStories.Domain.Insights;

namespace CareStories.Web.Insights;

/// <summary>
/// Once an hour, nudges every manager not yet nudged this week (<see cref="RecognitionNudges"/>): the unique
/// (manager, week) key in the database makes it safe for several instances to run this at once, and a restart
/// simply finds the managers already told. Its clock is the app's <see cref="TimeProvider"/>.
/// Off with <c>Insights:WeeklyNudges=false</c> (the web tests run it by hand on their fake clock instead).
/// </summary>
public sealed class RecognitionNudgeService(
    IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<RecognitionNudgeService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Insights:WeeklyNudges", true))
        {
            return;
        }

        // Let start-up (migrations, the demo data) finish before the first run.
        await Task.Delay(TimeSpan.FromSeconds(configuration.GetValue("Insights:FirstNudgeAfterSeconds", 30)), time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
                var sent = await RecognitionNudges.SendDueAsync(db, time.GetUtcNow(), stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Nudged {Managers} managers about people not recognised lately", sent);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A failed run is tried again next hour; the week's nudge is not lost.
                logger.LogError(error, "The weekly recognition nudge failed; it runs again in an hour");
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
