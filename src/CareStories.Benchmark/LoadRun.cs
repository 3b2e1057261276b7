namespace CareStories.Benchmark;

/// <summary>How wrk loads each address.</summary>
public sealed record LoadSettings(int Threads, int Connections, TimeSpan Duration, TimeSpan WarmUp, TimeSpan Timeout)
{
    public string Command => $"wrk -t{Threads} -c{Connections} -d{Seconds(Duration)} --timeout {Seconds(Timeout)} --latency";

    public string Describe() => $"{Command}, after a {Seconds(WarmUp)} warm-up of every address";

    internal static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0}s";
}

/// <summary>One measured address: wrk's numbers, the app's CPU time over the run and its memory at the end.</summary>
public sealed record Measurement(Target Target, WrkResult Wrk, TimeSpan AppCpu, long PeakResidentDuringRun, int ExpectedBytes)
{
    public TimeSpan CpuPerRequest => Wrk.Requests == 0 ? TimeSpan.Zero : AppCpu / Wrk.Requests;
}

public static class LoadRun
{
    public static async Task EnsureWrkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WebApp.Run("wrk", ["--version"], cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BenchmarkException(
                "wrk, the load generator, is not installed. On Debian or Ubuntu: sudo apt-get install -y wrk");
        }
    }

    /// <summary>
    /// Load not measured, so the runtime has compiled the hot paths at its optimising tier and SQLite has the pages
    /// it reads in its cache: what a server that has been up for a while does.
    /// </summary>
    public static async Task WarmUpAsync(WebApp app, Target target, BrowserSession browser, LoadSettings settings, CancellationToken cancellationToken) =>
        await WrkAsync(
            new Uri(app.Address, target.Path).ToString(), await browser.FreshCookieHeaderAsync(cancellationToken), settings, settings.WarmUp, cancellationToken);

    public static async Task<Measurement> MeasureAsync(
        WebApp app, Target target, BrowserSession browser, LoadSettings settings, int expectedBytes, CancellationToken cancellationToken)
    {
        var url = new Uri(app.Address, target.Path).ToString();
        var cookieHeader = await browser.FreshCookieHeaderAsync(cancellationToken);
        var cpuBefore = app.CpuTime();
        using var sampling = new CancellationTokenSource();
        var sampler = SamplePeakAsync(app, sampling.Token);
        var output = await WrkAsync(url, cookieHeader, settings, settings.Duration, cancellationToken);
        var cpu = app.CpuTime() - cpuBefore;
        await sampling.CancelAsync();
        var peak = await sampler;

        var result = WrkOutput.Parse(output);
        return new Measurement(target, result, cpu, peak, expectedBytes);
    }

    /// <summary>Why a measurement cannot be trusted, or null when it can.</summary>
    public static string? Problem(Measurement measurement)
    {
        var wrk = measurement.Wrk;
        if (wrk.Requests == 0)
        {
            return "no request completed";
        }

        if (wrk.ErrorResponses > 0)
        {
            return $"{wrk.ErrorResponses:N0} responses were 4xx or 5xx";
        }

        if (wrk.SocketErrors > 0)
        {
            return $"socket errors: connect {wrk.ConnectErrors}, read {wrk.ReadErrors}, write {wrk.WriteErrors}, timeout {wrk.Timeouts}";
        }

        // wrk does not count redirects as errors; a response of a very different size is a different page. Both sides
        // count the status line, headers and body (BrowserSession.WireBytesAsync), so a static file whose headers
        // outweigh its body still compares like with like; a Set-Cookie on every response (a stale sign-in cookie)
        // adds about a kilobyte and is caught here too.
        var ratio = wrk.BytesPerResponse / measurement.ExpectedBytes;
        return ratio is < 0.5 or > 2
            ? $"responses averaged {wrk.BytesPerResponse:N0} bytes but the page checked beforehand was {measurement.ExpectedBytes:N0} with its headers"
            : null;
    }

    private static async Task<string> WrkAsync(
        string url, string cookieHeader, LoadSettings settings, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            $"-t{settings.Threads}", $"-c{settings.Connections}", $"-d{LoadSettings.Seconds(duration)}",
            "--timeout", LoadSettings.Seconds(settings.Timeout), "--latency", "-H", $"Cookie: {cookieHeader}", url,
        ];
        var (exitCode, output) = await WebApp.Run("wrk", arguments, cancellationToken);
        return exitCode == 0 ? output : throw new BenchmarkException($"wrk failed on {url} (exit code {exitCode}):\n{output}");
    }

    private static async Task<long> SamplePeakAsync(WebApp app, CancellationToken stop)
    {
        long peak = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            do
            {
                if (!app.HasExited)
                {
                    peak = Math.Max(peak, app.ReadMemory().ResidentBytes);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }

        return peak;
    }
}
