namespace CareStories.Domain.Insights;

public sealed partial class InsightsReport
{
    /// <summary>
    /// A figure that adds up over disjoint months (<paramref name="add"/>), for the period. With <see cref="KeptMonths"/>,
    /// its months already over come from memory when kept there (read and kept otherwise), and only the rest of the
    /// period is read; without it, or when no month is over yet, the whole period is read at once.
    /// </summary>
    private async Task<T> KeptAsync<T>(
        string piece, Func<DateTimeOffset, DateTimeOffset, CancellationToken, Task<T>> read, Func<T, T, T> add, CancellationToken cancellationToken)
        where T : class
    {
        var boundaries = period.MonthBoundaries();
        var over = kept?.MonthsOver(boundaries) ?? 0;
        if (over == 0)
        {
            return await read(period.Start, period.End, cancellationToken);
        }

        var split = boundaries[over];
        var key = KeptMonths.View.Key(piece, scope, period.Start, split);
        if (!kept!.TryGet<T>(key, out var earlier))
        {
            earlier = await read(period.Start, split, cancellationToken);
            kept.Keep(key, earlier);
        }

        return split >= period.End ? earlier : add(earlier, await read(split, period.End, cancellationToken));
    }
}
