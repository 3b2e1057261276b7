using System.Globalization;
using System.Text;

namespace CareStories.Benchmark;

/// <summary>How many of the mixed run's connections only read the feed, act on stories, and publish.</summary>
public sealed record MixedMix(int Readers, int Actors, int Publishers)
{
    public string Describe() =>
        $"{Readers + Actors + Publishers} signed-in people at once: {Readers} read the feed over and over; {Actors} read the feed, open a story "
        + $"from it and in turn applaud it (or take their applause back) or comment on it; {Publishers} manager publishes stories "
        + "from their review queue. Every change is followed by its maker's next read, which must show it";
}

public enum MixedChange
{
    Applause,
    Comment,
    Publish,
}

/// <summary>What the mixed run measured, and whether it met its aims: no errors, no stale read, p99 under 100 ms.</summary>
public sealed record MixedResult(
    MixedMix Mix,
    TimeSpan Duration,
    IReadOnlyList<double> ReadMilliseconds,
    IReadOnlyList<double> WriteMilliseconds,
    IReadOnlyDictionary<MixedChange, int> Changes,
    int Refused,
    int Checks,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> StaleReads)
{
    public const double AimP99Milliseconds = 100;

    /// <summary>The measured times by kind of request (<see cref="KindOf(string)"/>), to tell which ones make the tail.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> ByKind { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>Requests in the untimed warm-up before the measured part (<see cref="MixedRun.WarmUp"/>), and their p99.</summary>
    public int WarmUpRequests { get; init; }

    public double WarmUpP99 { get; init; }

    /// <summary>
    /// Changes the warm-up saved. Until the writers' first changes land, the feed's readers are served a kept page, so a
    /// warm-up with few changes serves many requests: its request count says how soon the writers got going, not how
    /// fast the app served the mix.
    /// </summary>
    public int WarmUpChanges { get; init; }

    /// <summary>What kind of read an address is: the feed, a story page, the review queue or a story under review.</summary>
    public static string KindOf(string path) => path switch
    {
        "/Feed" => "feed",
        _ when path.StartsWith("/Stories/", StringComparison.Ordinal) => "story page",
        _ when path.StartsWith("/Review/Story/", StringComparison.Ordinal) => "story under review",
        _ when path.StartsWith("/Review", StringComparison.Ordinal) => "review queue",
        _ => "other",
    };

    public static string KindOf(MixedChange change) => change switch
    {
        MixedChange.Applause => "applause (post)",
        MixedChange.Comment => "comment (post)",
        _ => "publish (post)",
    };

    public int Requests => ReadMilliseconds.Count + WriteMilliseconds.Count;

    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public double P50 => Percentile([.. ReadMilliseconds, .. WriteMilliseconds], 0.50);

    public double P99 => Percentile([.. ReadMilliseconds, .. WriteMilliseconds], 0.99);

    public int ChangesMade => Changes.Values.Sum();

    public bool MetAims => Requests > 0 && ChangesMade > 0 && Errors.Count == 0 && StaleReads.Count == 0 && P99 < AimP99Milliseconds;

    /// <summary>The nearest-rank percentile (the smallest value with at least that share of values at or below it); 0 for none.</summary>
    public static double Percentile(IReadOnlyList<double> values, double share)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(share, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(share * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{Mix.Describe()}, for {Duration.TotalSeconds:0} s.").AppendLine();
        text.AppendLine("| | requests | per second | p50 | p99 |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        text.AppendLine(c, $"| reads (feed, story, review queue, checks) | {ReadMilliseconds.Count:N0} | {ReadMilliseconds.Count / Duration.TotalSeconds:N0} | {Percentile(ReadMilliseconds, 0.5):0.0} ms | {Percentile(ReadMilliseconds, 0.99):0.0} ms |");
        text.AppendLine(c, $"| writes (applause, comments, publishing) | {WriteMilliseconds.Count:N0} | {WriteMilliseconds.Count / Duration.TotalSeconds:N0} | {Percentile(WriteMilliseconds, 0.5):0.0} ms | {Percentile(WriteMilliseconds, 0.99):0.0} ms |");
        text.AppendLine(c, $"| all | {Requests:N0} | {RequestsPerSecond:N0} | {P50:0.0} ms | **{P99:0.0} ms** |").AppendLine();
        if (ByKind.Count > 0)
        {
            var threshold = P99;
            text.AppendLine("| by kind | requests | p50 | p99 | at or over the p99 of all |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (kind, times) in ByKind.OrderByDescending(k => k.Value.Count))
            {
                text.AppendLine(c, $"| {kind} | {times.Count:N0} | {Percentile(times, 0.5):0.0} ms | {Percentile(times, 0.99):0.0} ms | {times.Count(t => t >= threshold):N0} |");
            }

            text.AppendLine();
        }

        if (WarmUpRequests > 0)
        {
            text.AppendLine(c, $"Before it, {WarmUpRequests:N0} requests of the same mix warmed the app up, not timed (their p99 {WarmUpP99:0.0} ms), {WarmUpChanges:N0} of them saved changes (until the first ones, every feed read is served a kept page); their errors and stale reads are counted below.").AppendLine();
        }

        text.AppendLine(c, $"Changes saved: {Count(MixedChange.Applause)} applause given or taken back, {Count(MixedChange.Comment)} comments, {Count(MixedChange.Publish)} stories published; {Refused:N0} refused with a reason on the page. "
            + $"{Checks:N0} reads after a change, **{StaleReads.Count:N0} of them not showing it**; **{Errors.Count:N0} errors** (any answer but the expected one, a failed connection, or \"database is locked\").");
        foreach (var problem in Errors.Concat(StaleReads).Distinct().Take(5))
        {
            text.AppendLine(c, $"- {problem}");
        }

        return text.ToString();
    }

    private string Count(MixedChange change) => Changes.TryGetValue(change, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : "0";
}
