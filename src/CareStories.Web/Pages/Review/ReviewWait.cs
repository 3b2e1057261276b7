namespace CareStories.Web.Pages.Review;

/// <summary>How long a story has waited for review, in words, and whether it has waited too long.</summary>
public sealed record ReviewWait(TimeSpan Waited, bool IsOverdue)
{
    public static ReviewWait Of(DateTimeOffset? submittedAt, DateTimeOffset now, int overdueDays)
    {
        var waited = submittedAt is { } at && at < now ? now - at : TimeSpan.Zero;
        return new ReviewWait(waited, waited > TimeSpan.FromDays(overdueDays));
    }

    /// <summary>"waiting less than a day", "waiting 1 day", "waiting 4 days".</summary>
    public string Words => (int)Waited.TotalDays switch
    {
        0 => "waiting less than a day",
        1 => "waiting 1 day",
        var days => $"waiting {days} days",
    };
}
