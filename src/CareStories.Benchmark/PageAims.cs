using System.Globalization;

namespace CareStories.Benchmark;

/// <summary>
/// The feed and story pages' aims (issue 16), judged from one run: throughput against the static file measured in
/// the same run, deep and filtered pages against the first page, p99 at the run's connections, and the mixed run.
/// </summary>
public static class PageAims
{
    public const double FeedOfStatic = 0.25;
    public const double StoryOfStatic = 0.25;
    public const double DeepOfFirst = 0.9;
    public const double FilteredOfUnfiltered = 0.8;
    public static readonly TimeSpan P99 = TimeSpan.FromMilliseconds(50);

    private static readonly string[] PageKeys = [Targets.FeedKey, Targets.DeepKey, "team", "kind", "story"];

    public static IEnumerable<Aim> For(BenchmarkReport report)
    {
        var measured = report.Measurements.ToDictionary(m => m.Target.Key);
        if (measured.TryGetValue(Targets.FeedKey, out var feed))
        {
            var ratio = report.RatioToStatic(feed);
            yield return new($"Feed's first page at {FeedOfStatic} of the static file's throughput or better", Invariant($"{ratio:0.00} of static"), ratio >= FeedOfStatic);
            if (measured.TryGetValue(Targets.DeepKey, out var deep))
            {
                var deepRatio = deep.Wrk.RequestsPerSecond / feed.Wrk.RequestsPerSecond;
                yield return new($"Deep feed page at {DeepOfFirst} of the first page's throughput or better", Invariant($"{deepRatio:0.00} of the first page"), deepRatio >= DeepOfFirst);
            }

            foreach (var key in new[] { "team", "kind" })
            {
                if (measured.TryGetValue(key, out var filtered))
                {
                    var filteredRatio = filtered.Wrk.RequestsPerSecond / feed.Wrk.RequestsPerSecond;
                    yield return new(
                        $"{filtered.Target.Name} at {FilteredOfUnfiltered} of the unfiltered first page or better",
                        Invariant($"{filteredRatio:0.00} of the first page"),
                        filteredRatio >= FilteredOfUnfiltered);
                }
            }
        }

        if (measured.TryGetValue("story", out var story))
        {
            var ratio = report.RatioToStatic(story);
            yield return new($"Story page at {StoryOfStatic} of the static file's throughput or better", Invariant($"{ratio:0.00} of static"), ratio >= StoryOfStatic);
        }

        var pages = PageKeys.Where(measured.ContainsKey).Select(k => measured[k]).ToList();
        if (pages.Count > 0)
        {
            var slowest = pages.MaxBy(m => m.Wrk.LatencyP99)!;
            yield return new(
                Invariant($"p99 under {P99.TotalMilliseconds:0} ms at {report.Settings.Connections} connections on every feed and story address"),
                Invariant($"{slowest.Wrk.LatencyP99.TotalMilliseconds:0.0} ms at worst ({slowest.Target.Name})"),
                slowest.Wrk.LatencyP99 < P99);
        }

        if (report.Mixed is { } mixed)
        {
            yield return new(
                Invariant($"Reads and writes together: no errors, every change on its maker's next read, p99 under {MixedResult.AimP99Milliseconds:0} ms"),
                Invariant($"{mixed.Errors.Count} errors, {mixed.StaleReads.Count} stale of {mixed.Checks:N0} checks, p99 {mixed.P99:0.0} ms"),
                mixed.MetAims);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
