namespace CareStories.Benchmark.Tests;

/// <summary>The mixed run's figures and the pages' aims, judged from made-up measurements.</summary>
public sealed class MixedAndAimsTests
{
    private static readonly MixedMix Mix = MixedRun.MixFor(16);

    [Fact]
    public void The_mix_for_16_connections_is_12_readers_3_actors_and_a_publisher()
    {
        Assert.Equal(new MixedMix(12, 3, 1), Mix);
        Assert.Throws<BenchmarkException>(() => MixedRun.MixFor(4));
    }

    [Theory]
    [InlineData(0.50, 50)]
    [InlineData(0.99, 99)]
    [InlineData(1.00, 100)]
    [InlineData(0.00, 1)]
    public void Percentiles_are_by_nearest_rank(double share, double expected)
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(expected, MixedResult.Percentile(values, share));
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Assert.Equal(0, MixedResult.Percentile([], 0.99));
    }

    [Fact]
    public void A_mixed_run_meets_its_aims_only_without_errors_or_stale_reads_and_with_p99_under_100_ms()
    {
        var clean = Mixed(reads: [10, 20, 30], writes: [40]);

        Assert.True(clean.MetAims);
        Assert.False((clean with { Errors = ["GET /Feed: HTTP 500"] }).MetAims);
        Assert.False((clean with { StaleReads = ["a comment on /Stories/1"] }).MetAims);
        Assert.False(Mixed(reads: [.. Enumerable.Repeat(10.0, 98), 150, 150], writes: [40]).MetAims);
        Assert.False((clean with { Changes = new Dictionary<MixedChange, int>() }).MetAims);
    }

    [Fact]
    public void The_mixed_runs_report_states_the_mix_and_any_stale_read()
    {
        var text = (Mixed(reads: [10], writes: [40]) with { StaleReads = ["publishing /Stories/7 (its feed's first page)"] }).Markdown();

        Assert.Contains("12 read the feed", text);
        Assert.Contains("1 of them not showing it", text);
        Assert.Contains("- publishing /Stories/7", text);
    }

    [Fact]
    public void The_mixed_runs_report_breaks_the_times_down_by_kind_and_says_the_warm_up_was_not_timed()
    {
        var result = Mixed(reads: [10, 20, 500], writes: [40]) with
        {
            ByKind = new Dictionary<string, IReadOnlyList<double>> { ["feed"] = [10, 20], ["review queue"] = [500], ["publish (post)"] = [40] },
            WarmUpRequests = 12,
            WarmUpP99 = 900,
        };

        var text = result.Markdown();

        Assert.Contains("| review queue | 1 | 500.0 ms | 500.0 ms | 1 |", text);
        Assert.Contains("| feed | 2 | 10.0 ms | 20.0 ms | 0 |", text);
        Assert.Contains("12 requests of the same mix warmed the app up, not timed (their p99 900.0 ms)", text);
        Assert.Equal(500, result.P99);
    }

    [Fact]
    public void The_mixed_runs_report_says_how_many_changes_its_warm_up_saved()
    {
        var result = Mixed(reads: [10, 20], writes: [40]) with { WarmUpRequests = 1_860, WarmUpP99 = 722.1, WarmUpChanges = 7 };

        var text = result.Markdown();

        Assert.Contains("1,860 requests of the same mix warmed the app up, not timed (their p99 722.1 ms), 7 of them saved changes", text);
    }

    [Theory]
    [InlineData("/Feed", "feed")]
    [InlineData("/Stories/12", "story page")]
    [InlineData("/Review", "review queue")]
    [InlineData("/Review/Story/12", "story under review")]
    public void Each_read_of_the_mixed_run_has_its_kind(string path, string kind) => Assert.Equal(kind, MixedResult.KindOf(path));

    [Fact]
    public void Page_aims_compare_each_page_with_the_static_file_and_the_first_page()
    {
        var report = Report(("static", 20_000, 3), ("feed", 6_000, 20), ("deep", 5_000, 30), ("team", 5_400, 40), ("kind", 4_000, 60), ("story", 4_000, 10));

        var aims = PageAims.For(report).ToDictionary(a => a.Description[..12], a => a);

        Assert.True(aims["Feed's first"].Met);
        Assert.Equal("0.30 of static", aims["Feed's first"].Measured);
        Assert.False(aims["Deep feed pa"].Met);
        Assert.True(aims["Feed filtere"].Met);
        Assert.False(aims["Feed, behind"].Met);
        Assert.False(aims["Story page a"].Met);
        Assert.False(aims["p99 under 50"].Met);
        Assert.Contains("Feed, behind-the-scenes", aims["p99 under 50"].Measured);
    }

    [Fact]
    public void The_insights_aim_is_judged_on_the_pages_as_leaders_meet_them_and_the_page_read_again_is_shown_beside()
    {
        var kept = new LatencyResult("Insights, year", "/Insights", 40, TimeSpan.FromMilliseconds(120), TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(200));
        var readAgain = new LatencyResult("Insights, year, every month read again", "/Insights", 20, TimeSpan.FromMilliseconds(380), TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(500), Judged: false);
        var report = Report(("static", 20_000, 3)) with { Insights = [kept, readAgain], InsightsDuration = TimeSpan.FromSeconds(10) };

        var aim = report.Aims().Single(a => a.Description.StartsWith("Insights", StringComparison.Ordinal));
        Assert.True(aim.Met);
        Assert.Equal("slowest p95 180 ms (Insights, year)", aim.Measured);
        var table = InsightsLatency.Markdown(report.Insights, report.InsightsDuration);
        Assert.Contains("| Insights, year, every month read again | `/Insights` | 20 | 380 ms | 450 ms | 500 ms | not judged |", table, StringComparison.Ordinal);
        Assert.Contains("made stale before each", table, StringComparison.Ordinal);
    }

    private static MixedResult Mixed(IReadOnlyList<double> reads, IReadOnlyList<double> writes) => new(
        Mix, TimeSpan.FromSeconds(10), reads, writes, new Dictionary<MixedChange, int> { [MixedChange.Comment] = 1 }, 0, 1, [], []);

    private static BenchmarkReport Report(params (string Key, double PerSecond, int P99Ms)[] runs)
    {
        var names = new Dictionary<string, string>
        {
            ["static"] = "Static file",
            ["feed"] = "Feed, first page",
            ["deep"] = "Feed, deep page",
            ["team"] = "Feed filtered by team",
            ["kind"] = "Feed, behind-the-scenes teams",
            ["story"] = "Story page",
        };
        var measurements = runs.Select(r => new Measurement(
            new Target(r.Key, names[r.Key], "/" + r.Key),
            new WrkResult(r.PerSecond, (long)(r.PerSecond * 15), TimeSpan.FromSeconds(15), r.PerSecond * 15 * 1000, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(r.P99Ms), 0, 0, 0, 0, 0),
            TimeSpan.FromSeconds(10),
            100_000_000,
            1000)).ToList();
        var facts = new TargetFacts(100, 1, 80, "1.1", 2, 1, "Team", 1, 2, 3, 4, 5, "A story");
        var memory = new Memory(100_000_000, 200_000_000);
        return new BenchmarkReport(
            DateTimeOffset.UnixEpoch,
            new Machine("cpu", 2, 1, "os", "runtime", "0.1", 0),
            new GeneratedData(100, 90, 100, 25, 1000, TimeSpan.Zero, "reader@example.com", "password"),
            true,
            facts,
            new LoadSettings(2, 16, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            measurements,
            measurements[0],
            memory,
            memory);
    }
}
