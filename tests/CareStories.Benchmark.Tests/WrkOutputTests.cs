namespace CareStories.Benchmark.Tests;

/// <summary>The benchmark reads wrk's text output; a misread number would be reported as a result.</summary>
public sealed class WrkOutputTests
{
    private const string CleanRun = """
        Running 2s test @ http://127.0.0.1:18777/
          1 threads and 4 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    25.59ms   15.56ms 100.48ms   74.07%
            Req/Sec   161.10     42.14   232.00     75.00%
          Latency Distribution
             50%   21.25ms
             75%   32.97ms
             90%   46.08ms
             99%   76.50ms
          324 requests in 2.02s, 8.21MB read
        Requests/sec:    160.48
        Transfer/sec:      4.06MB
        """;

    private const string RunWithErrors = """
        Running 15s test @ http://127.0.0.1:18777/Feed
          2 threads and 16 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   812.00us    3.17ms    2.00s    87.05%
            Req/Sec     1.24k   373.21     1.97k    70.00%
          Latency Distribution
             50%  812.00us
             75%    4.91ms
             90%    7.45ms
             99%     1.50s
          2476 requests in 15.00s, 627.63KB read
          Socket errors: connect 1, read 3, write 0, timeout 12
          Non-2xx or 3xx responses: 40
        Requests/sec:    165.07
        Transfer/sec:     41.84KB
        """;

    [Fact]
    public void Reads_throughput_latency_and_bytes_of_a_clean_run()
    {
        var result = WrkOutput.Parse(CleanRun);

        Assert.Equal(160.48, result.RequestsPerSecond);
        Assert.Equal(324, result.Requests);
        Assert.Equal(TimeSpan.FromSeconds(2.02), result.Duration);
        Assert.Equal(8.21 * 1024 * 1024, result.BytesRead, precision: 3);
        Assert.Equal(TimeSpan.FromMilliseconds(21.25), result.LatencyP50);
        Assert.Equal(TimeSpan.FromMilliseconds(76.5), result.LatencyP99);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Counts_socket_errors_and_error_responses_and_reads_every_time_unit()
    {
        var result = WrkOutput.Parse(RunWithErrors);

        Assert.Equal(TimeSpan.FromMicroseconds(812), result.LatencyP50);
        Assert.Equal(TimeSpan.FromSeconds(1.5), result.LatencyP99);
        Assert.Equal(627.63 * 1024, result.BytesRead, precision: 3);
        Assert.Equal((1, 3, 0, 12), (result.ConnectErrors, result.ReadErrors, result.WriteErrors, result.Timeouts));
        Assert.Equal(40, result.ErrorResponses);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Refuses_the_output_of_a_run_that_never_connected()
    {
        Assert.Throws<FormatException>(() => WrkOutput.Parse("unable to connect to 127.0.0.1:1 Connection refused"));
    }

    [Fact]
    public void Refuses_a_run_without_the_latency_distribution()
    {
        var withoutLatency = CleanRun[..CleanRun.IndexOf("  Latency Distribution", StringComparison.Ordinal)]
            + CleanRun[CleanRun.IndexOf("  324 requests", StringComparison.Ordinal)..];

        Assert.Throws<FormatException>(() => WrkOutput.Parse(withoutLatency));
    }

    [Fact]
    public void A_run_whose_responses_are_much_smaller_than_the_checked_page_is_not_trusted()
    {
        // wrk does not count redirects as errors: a lost sign-in cookie shows up only as tiny responses.
        var target = new Target("feed", "Feed", "/Feed");
        var result = WrkOutput.Parse(CleanRun);
        var expected = (int)result.BytesPerResponse;

        Assert.Null(LoadRun.Problem(new Measurement(target, result, TimeSpan.Zero, 0, expected)));
        Assert.NotNull(LoadRun.Problem(new Measurement(target, result, TimeSpan.Zero, 0, expected * 10)));
    }
}
