namespace CareStories.Benchmark.Tests;

/// <summary>Insights' waits come from the line the benchmark's Lua script makes wrk print after its own summary.</summary>
public sealed class InsightsLatencyTests
{
    private const string Output = """
        Running 10s test @ http://127.0.0.1:41234/Insights
          1 threads and 1 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   112.40ms   20.11ms 301.52ms   90.00%
            Req/Sec     8.90      2.10    10.00     80.00%
          Latency Distribution
             50%  108.20ms
             75%  118.00ms
             90%  131.70ms
             99%  290.00ms
          89 requests in 10.02s, 7.91MB read
        Requests/sec:      8.88
        Transfer/sec:    808.10KB
        insights-latency p50=108204 p95=152730 max=301520
        """;

    [Fact]
    public void Percentiles_are_read_in_microseconds_from_the_script_line()
    {
        var (p50, p95, max) = InsightsLatency.ParsePercentiles(Output);

        Assert.Equal(TimeSpan.FromMicroseconds(108_204), p50);
        Assert.Equal(TimeSpan.FromMicroseconds(152_730), p95);
        Assert.Equal(TimeSpan.FromMicroseconds(301_520), max);
    }

    [Fact]
    public void Output_without_the_script_line_is_refused_rather_than_read_as_zero()
    {
        var withoutScript = Output[..Output.IndexOf("insights-latency", StringComparison.Ordinal)];

        Assert.Throws<FormatException>(() => InsightsLatency.ParsePercentiles(withoutScript));
    }

    [Fact]
    public void The_aim_is_judged_on_p95_only()
    {
        var fast = new LatencyResult("Insights", "/Insights", 100, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(299), TimeSpan.FromSeconds(2));
        var slow = fast with { P95 = TimeSpan.FromMilliseconds(300) };

        Assert.True(fast.MeetsAim);
        Assert.False(slow.MeetsAim);
    }
}
