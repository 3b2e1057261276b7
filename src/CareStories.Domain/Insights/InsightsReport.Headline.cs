using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Insights;

public sealed partial class InsightsReport
{
    /// <summary>The headline for the period: six counts, the same rules as the Insights sections they lead to.</summary>
    public async Task<HeadlineFigures> HeadlineAsync(DateTimeOffset now, int notRecognisedDays, int overdueDays, CancellationToken cancellationToken)
    {
        var recognised = RecognisedBetween(period.Start, period.End);
        var recent = RecognisedBetween(now.AddDays(-notRecognisedDays), DateTimeOffset.MaxValue);
        var cutoff = now.AddDays(-overdueDays);
        return new HeadlineFigures(
            await ScopedPeople.CountAsync(cancellationToken),
            await ScopedPeople.CountAsync(p => recognised.Contains(p.Id), cancellationToken),
            await PublishedInPeriod.CountAsync(cancellationToken),
            await CelebrationsInPeriod.CountAsync(cancellationToken),
            await ScopedPeople.CountAsync(p => !recent.Contains(p.Id), cancellationToken),
            await ScopedStories.CountAsync(s => s.Status == StoryStatus.Submitted && s.SubmittedAt < cutoff, cancellationToken));
    }
}
