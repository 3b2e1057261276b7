namespace CareStories.Domain.Insights;

/// <summary>
/// That a manager was told, for one week, who in their teams nobody had recognised lately. The pair (manager, week)
/// is unique in the database, so two instances of the app, or one restarted mid-run, never tell them twice.
/// </summary>
public sealed class ManagerNudge
{
    private ManagerNudge()
    {
    }

    public ManagerNudge(string managerId, DateOnly weekOf, int notRecognised, DateTimeOffset at)
    {
        ManagerId = managerId;
        WeekOf = weekOf;
        NotRecognised = notRecognised;
        SentAt = at;
    }

    public long Id { get; private set; }

    public string ManagerId { get; private set; } = "";

    /// <summary>The Monday (UTC) of the week the nudge is for.</summary>
    public DateOnly WeekOf { get; private set; }

    /// <summary>How many people it named; none means there was nothing to say and no notification was written.</summary>
    public int NotRecognised { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static DateOnly WeekContaining(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
