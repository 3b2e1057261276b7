namespace CareStories.Domain.Delivery;

/// <summary>
/// The weekly mails' calendar: a week starts on Monday 00:00 UTC, and its digest and "stories of the week" go out
/// from Monday 07:00 UTC on, so they wait in the inbox at the start of the working week in Europe and arrive
/// overnight in the Americas.
/// </summary>
public static class MailWeek
{
    public static readonly TimeSpan SendFrom = TimeSpan.FromHours(7);

    /// <summary>Monday 00:00 UTC of the week <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var daysSinceMonday = ((int)utc.DayOfWeek + 6) % 7;
        return new DateTimeOffset(utc.Date.AddDays(-daysSinceMonday), TimeSpan.Zero);
    }

    /// <summary>The week whose weekly mails are due at <paramref name="now"/>: the current one from Monday 07:00, the one before until then.</summary>
    public static DateTimeOffset DueWeek(DateTimeOffset now)
    {
        var week = StartOf(now);
        return now >= week + SendFrom ? week : week.AddDays(-7);
    }
}
