using System.Diagnostics;
using System.Globalization;

namespace CareStories.Benchmark;

/// <summary>One Insights address timed request by request: how long a leader or manager waits for the page.</summary>
public sealed record LatencyResult(string Name, string Path, int Samples, TimeSpan P50, TimeSpan P95, TimeSpan Max)
{
    public bool MeetsAim => P95 < InsightsLatency.Aim;
}

/// <summary>
/// Insights is read by a few leaders and managers, not by everyone at once, so what matters is how long one of them
/// waits: each address is fetched one request after another (after a warm-up) by a signed-in leader or manager, and
/// the 50th and 95th percentiles of those waits are reported against the aim (p95 under 300 ms). The people are the
/// generator's: person 51 is the first leader, person 1 manages the first team (DataGenerator.WritePeopleAsync).
/// </summary>
public static class InsightsLatency
{
    public const string Key = "insights";
    public static readonly TimeSpan Aim = TimeSpan.FromMilliseconds(300);
    public const string LeaderEmail = "person0051@" + DataGenerator.Domain;
    public const string ManagerEmail = "person0001@" + DataGenerator.Domain;

    private static readonly (string Name, string Email, string Path, string MustContain)[] Addresses =
    [
        ("Insights, whole company, 12 months (leader)", LeaderEmail, "/Insights", "The whole company"),
        ("Insights, whole company, 30 days (leader)", LeaderEmail, "/Insights?period=30-days", "The whole company"),
        ("Insights, behind-the-scenes teams, quarter (leader)", LeaderEmail, "/Insights?period=quarter&kind=behind-the-scenes", "Behind-the-scenes teams"),
        ("Insights, own teams, 12 months (manager)", ManagerEmail, "/Insights", "Your teams"),
        ("Team record, 12 months (manager)", ManagerEmail, "/Insights/TeamRecord", "Totals for the period"),
    ];

    public static async Task<IReadOnlyList<LatencyResult>> MeasureAsync(Uri address, int warmUp, int samples, CancellationToken cancellationToken)
    {
        var results = new List<LatencyResult>();
        foreach (var (name, email, path, mustContain) in Addresses)
        {
            using var session = new BrowserSession(address);
            await session.SignInAsync(email, DataGenerator.Password, cancellationToken);
            await session.VerifyAsync(new Target(Key, name, path) { MustContain = mustContain }, cancellationToken);
            for (var i = 0; i < warmUp; i++)
            {
                await session.TimeGetAsync(path, cancellationToken);
            }

            var waits = new List<TimeSpan>(samples);
            for (var i = 0; i < samples; i++)
            {
                waits.Add(await session.TimeGetAsync(path, cancellationToken));
            }

            waits.Sort();
            var result = new LatencyResult(name, path, samples, Rank(waits, 0.5), Rank(waits, 0.95), waits[^1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: p50 {result.P50.TotalMilliseconds:0} ms, p95 {result.P95.TotalMilliseconds:0} ms, max {result.Max.TotalMilliseconds:0} ms"));
            results.Add(result);
        }

        return results;
    }

    /// <summary>Nearest rank: the wait that at least that share of the requests did not exceed.</summary>
    public static TimeSpan Rank(IReadOnlyList<TimeSpan> sorted, double share)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    public static string Markdown(IReadOnlyList<LatencyResult> results, int samples)
    {
        ArgumentNullException.ThrowIfNull(results);
        var md = new System.Text.StringBuilder();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Insights, one request after another ({samples} each after a warm-up), signed in as a leader or a manager; aim: p95 under {Aim.TotalMilliseconds:0} ms."));
        md.AppendLine();
        md.AppendLine("| page | address | p50 | p95 | slowest | aim |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | `{r.Path}` | {r.P50.TotalMilliseconds:0} ms | {r.P95.TotalMilliseconds:0} ms | {r.Max.TotalMilliseconds:0} ms | {(r.MeetsAim ? "met" : "**missed**")} |"));
        }

        return md.ToString();
    }
}
