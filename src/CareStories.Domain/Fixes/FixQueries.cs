namespace CareStories.Domain.Fixes;

/// <summary>The fix filters two places need (the fixes list and Insights), written once so their counts agree.</summary>
public static class FixQueries
{
    /// <summary>Still to be decided or worked on (<see cref="FixStatusText.IsOpen"/>).</summary>
    public static IQueryable<Fix> StillOpen(this IQueryable<Fix> fixes) =>
        fixes.Where(f => FixStatusText.Open.Contains(f.Status));

    /// <summary>Open with a target date before <paramref name="today"/>: the rule <see cref="Fix.IsOverdue"/> applies in memory.</summary>
    public static IQueryable<Fix> OverdueOn(this IQueryable<Fix> fixes, DateOnly today) =>
        fixes.StillOpen().Where(f => f.TargetDate != null && f.TargetDate < today);

    /// <summary>Marked done within [<paramref name="from"/>, <paramref name="before"/>).</summary>
    public static IQueryable<Fix> DoneBetween(this IQueryable<Fix> fixes, DateTimeOffset from, DateTimeOffset before) =>
        fixes.Where(f => f.Status == FixStatus.Done && f.DoneAt >= from && f.DoneAt < before);
}
