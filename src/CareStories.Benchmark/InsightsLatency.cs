using System.Globalization;
using System.Text.RegularExpressions;

namespace CareStories.Benchmark;

/// <summary>
/// One Insights address under wrk with one connection: how long a leader or manager waits for the page. A result that
/// is not <see cref="Judged"/> is shown beside the others but not held to the aim (the page with the months already over
/// read again, <see cref="InsightsLatency.MeasureReadAgainAsync"/>).
/// </summary>
public sealed record LatencyResult(string Name, string Path, long Requests, TimeSpan P50, TimeSpan P95, TimeSpan Max, bool Judged = true)
{
    public bool MeetsAim => P95 < InsightsLatency.Aim;
}

/// <summary>
/// Insights is read by a few leaders and managers, not by everyone at once, so what matters is how long one of them
/// waits: each address is loaded by wrk, as the other pages are, but over one connection (one person asking again as
/// soon as the page arrives), after a warm-up, signed in as a leader or a manager; wrk's own latency record gives the
/// 50th and 95th percentiles (through a small Lua script, as its summary stops at 50/75/90/99), judged against the aim
/// of p95 under 300 ms. The people are the generator's: person 51 is the first leader, person 1 manages the first team
/// (DataGenerator.WritePeopleAsync).
/// </summary>
public static partial class InsightsLatency
{
    public const string Key = "insights";
    public static readonly TimeSpan Aim = TimeSpan.FromMilliseconds(300);
    public const string LeaderEmail = "person0051@" + DataGenerator.Domain;
    public const string ManagerEmail = "person0001@" + DataGenerator.Domain;

    /// <summary>wrk calls <c>done</c> once at the end with its latency record, in microseconds.</summary>
    private const string PercentileScript = """
        done = function(summary, latency, requests)
          io.write(string.format("insights-latency p50=%d p95=%d max=%d\n", latency:percentile(50), latency:percentile(95), latency.max))
        end
        """;

    private static readonly (string Name, string Email, string Path, string MustContain)[] Addresses =
    [
        ("Insights, whole company, 12 months (leader)", LeaderEmail, "/Insights", "The whole company"),
        ("Insights, whole company, 30 days (leader)", LeaderEmail, "/Insights?period=30-days", "The whole company"),
        ("Insights, behind-the-scenes teams, quarter (leader)", LeaderEmail, "/Insights?period=quarter&kind=behind-the-scenes", "Behind-the-scenes teams"),
        ("Insights, own teams, 12 months (manager)", ManagerEmail, "/Insights", "Your teams"),
        ("Team record, 12 months (manager)", ManagerEmail, "/Insights/TeamRecord", "Totals for the period"),
    ];

    public static async Task<IReadOnlyList<LatencyResult>> MeasureAsync(Uri address, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"carestories-insights-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, PercentileScript, cancellationToken);
        try
        {
            var results = new List<LatencyResult>();
            foreach (var (name, email, path, mustContain) in Addresses)
            {
                using var session = new BrowserSession(address);
                await session.SignInAsync(email, DataGenerator.Password, cancellationToken);
                var target = new Target(Key, name, path) { MustContain = mustContain };
                var expectedBytes = await session.VerifyAsync(target, cancellationToken);
                var url = new Uri(address, path).ToString();
                await WrkAsync(url, session.CookieHeader, warmUp, script, cancellationToken);
                var output = await WrkAsync(url, session.CookieHeader, duration, script, cancellationToken);
                var wrk = WrkOutput.Parse(output);
                var problem = LoadRun.Problem(new Measurement(target, wrk, TimeSpan.Zero, 0, expectedBytes));
                if (problem is not null)
                {
                    throw new BenchmarkException($"{name} ({path}): {problem}.");
                }

                var (p50, p95, max) = ParsePercentiles(output);
                var result = new LatencyResult(name, path, wrk.Requests, p50, p95, max);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: {result.Requests} requests, p50 {p50.TotalMilliseconds:0} ms, p95 {p95.TotalMilliseconds:0} ms, max {max.TotalMilliseconds:0} ms"));
                results.Add(result);

                // Still the signed-in page at the end: a lost cookie would have turned it into a fast redirect.
                await session.VerifyAsync(target, cancellationToken);
            }

            return results;
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Reads the line the Lua script prints: p50, p95 and the slowest wait, in microseconds.</summary>
    public static (TimeSpan P50, TimeSpan P95, TimeSpan Max) ParsePercentiles(string output)
    {
        var line = PercentileLine().Match(output ?? "");
        if (!line.Success)
        {
            throw new FormatException("wrk did not print the percentile line of the Insights script:\n" + output);
        }

        TimeSpan Micro(string group) => TimeSpan.FromMicroseconds(long.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture));
        return (Micro("p50"), Micro("p95"), Micro("max"));
    }

    private static async Task<string> WrkAsync(string url, string cookieHeader, TimeSpan duration, string script, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-t1", "-c1", $"-d{LoadSettings.Seconds(duration)}", "--timeout", "5s", "--latency", "-s", script,
            "-H", $"Cookie: {cookieHeader}", url,
        ];
        var (exitCode, output) = await WebApp.Run("wrk", arguments, cancellationToken);
        return exitCode == 0 ? output : throw new BenchmarkException($"wrk failed on {url} (exit code {exitCode}):\n{output}");
    }

    /// <summary>How many pages <see cref="MeasureReadAgainAsync"/> times.</summary>
    public const int ReadAgainPages = 20;

    /// <summary>
    /// The whole company's year as the first leader to open it after a change to a month already over meets it: the
    /// app keeps the figures of the months over in memory under a stamp that such a change renews (KeptMonths), so
    /// the pages above read only the month under way. Here <paramref name="renewHistory"/> renews that stamp in the
    /// database before each of <see cref="ReadAgainPages"/> pages, one after another, each timed from request to last
    /// byte: every page reads all its months. Shown, not judged: how often a leader meets it depends on how often
    /// months over change (a story withdrawn, last month's applause taken back), which nothing here stands for.
    /// </summary>
    public static async Task<LatencyResult> MeasureReadAgainAsync(Uri address, Func<CancellationToken, Task> renewHistory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renewHistory);
        const string name = "Insights, whole company, 12 months, every month read again (leader)";
        var (_, email, path, mustContain) = Addresses[0];
        using var session = new BrowserSession(address);
        await session.SignInAsync(email, DataGenerator.Password, cancellationToken);
        var target = new Target(Key, name, path) { MustContain = mustContain };
        await session.VerifyAsync(target, cancellationToken);
        var times = new List<TimeSpan>();
        for (var i = 0; i < ReadAgainPages; i++)
        {
            await renewHistory(cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await session.VerifyAsync(target, cancellationToken);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        TimeSpan Rank(double share) => times[Math.Max(0, (int)Math.Ceiling(share * times.Count) - 1)];
        var result = new LatencyResult(name, path, times.Count, Rank(0.5), Rank(0.95), times[^1], Judged: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {result.Requests} requests, p50 {result.P50.TotalMilliseconds:0} ms, p95 {result.P95.TotalMilliseconds:0} ms, max {result.Max.TotalMilliseconds:0} ms (not judged)"));
        return result;
    }

    public static string Markdown(IReadOnlyList<LatencyResult> results, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(results);
        var md = new System.Text.StringBuilder();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Insights under `wrk -t1 -c1 -d{LoadSettings.Seconds(duration)} --latency` (one person asking again as soon as the page arrives), after a warm-up, signed in as a leader or a manager; aim: p95 under {Aim.TotalMilliseconds:0} ms."));
        md.AppendLine();
        if (results.Any(r => !r.Judged))
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"The app keeps the figures of the months already over in memory until a change to one of them; the row marked \"not judged\" is {ReadAgainPages} pages one after another with that memory made stale before each (every month read from the database), timed from request to last byte."));
            md.AppendLine();
        }

        md.AppendLine("| page | address | requests | p50 | p95 | slowest | aim |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | `{r.Path}` | {r.Requests:N0} | {r.P50.TotalMilliseconds:0} ms | {r.P95.TotalMilliseconds:0} ms | {r.Max.TotalMilliseconds:0} ms | {(!r.Judged ? "not judged" : r.MeetsAim ? "met" : "**missed**")} |"));
        }

        return md.ToString();
    }

    [GeneratedRegex(@"insights-latency p50=(?<p50>\d+) p95=(?<p95>\d+) max=(?<max>\d+)")]
    private static partial Regex PercentileLine();
}
