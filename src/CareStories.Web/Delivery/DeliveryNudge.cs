using CareStories.Domain.Notifications;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareStories.Web.Delivery;

/// <summary>
/// Wakes this instance's delivery worker as soon as something was written to the outbox here, so a confirmation
/// mail or a celebration's email goes out within a moment rather than at the next poll. Other instances find the
/// rows at their next poll (Delivery:PollSeconds): the database is the outbox, this is only a shortcut.
/// </summary>
public sealed class DeliveryNudge : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged: the worker will look once for everything written since.
        }
    }

    /// <summary>Waits for a nudge or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) =>
        await _signal.WaitAsync(poll, cancellationToken);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Notifications written (or marked) in this save: the worker decides which of them leave the app.
        if (eventData.Context?.ChangeTracker.Entries<Notification>().Any() == true)
        {
            Signal();
        }

        return ValueTask.FromResult(result);
    }
}
