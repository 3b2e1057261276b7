using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CareStories.Benchmark;

/// <summary>The machine the numbers came from; on a shared machine the load average says how busy it was.</summary>
public sealed record Machine(string Cpu, int Cores, long MemoryBytes, string OperatingSystem, string Runtime, string LoadAverage, int Niceness)
{
    public static Machine Read()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total
            ? long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024
            : 0;
        var os = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"')
            ?? RuntimeInformation.OSDescription;
        var load = ReadLines("/proc/loadavg").FirstOrDefault() is { } line ? string.Join(' ', line.Split(' ').Take(3)) : "unknown";
        // Field 19 of /proc/self/stat: a run started with `nice -n -10` gives the app and wrk priority over other work.
        var stat = ReadLines("/proc/self/stat").FirstOrDefault();
        var nice = stat is null ? 0 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
        return new Machine(cpu, Environment.ProcessorCount, memory, $"{os} (Linux {Environment.OSVersion.Version})",
            RuntimeInformation.FrameworkDescription, load, nice);
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

/// <summary>Pass or fail against one of the aims the issue sets.</summary>
public sealed record Aim(string Description, string Measured, bool Met);

public sealed record BenchmarkReport(
    DateTimeOffset At,
    Machine Machine,
    GeneratedData Data,
    bool DataReused,
    TargetFacts Facts,
    LoadSettings Settings,
    IReadOnlyList<Measurement> Measurements,
    Measurement StaticAtEnd,
    Memory AfterStart,
    Memory AtEnd)
{
    public const string StartMarker = "<!-- benchmark:results -->";
    public const string EndMarker = "<!-- /benchmark:results -->";
    public const double MemoryAimBytes = 300 * 1024 * 1024;

    /// <summary>Search timed one query at a time, full text beside LIKE (<see cref="SearchBench"/>); empty if not run.</summary>
    public IReadOnlyList<SearchTiming> Search { get; init; } = [];

    /// <summary>The Insights pages' waits under wrk over one connection (<see cref="InsightsLatency"/>).</summary>
    public IReadOnlyList<LatencyResult> Insights { get; init; } = [];

    public TimeSpan InsightsDuration { get; init; }

    /// <summary>Reads and writes together (<see cref="MixedRun"/>); null if not run.</summary>
    public MixedResult? Mixed { get; init; }

    /// <summary>When the static file's two runs differ by more than this, other work changed the machine's speed mid-run.</summary>
    public const double TolerableDrift = 0.25;

    /// <summary>The static file is measured first and last; the baseline is the mean, so drift shows and averages out.</summary>
    public double StaticRequestsPerSecond =>
        (Find(Targets.StaticKey).Wrk.RequestsPerSecond + StaticAtEnd.Wrk.RequestsPerSecond) / 2;

    public double StaticDrift =>
        Math.Abs(Find(Targets.StaticKey).Wrk.RequestsPerSecond - StaticAtEnd.Wrk.RequestsPerSecond) / StaticRequestsPerSecond;

    public long PeakResidentBytes => Math.Max(AtEnd.PeakResidentBytes, Measurements.Max(m => m.PeakResidentDuringRun));

    public double RatioToStatic(Measurement measurement) => measurement.Wrk.RequestsPerSecond / StaticRequestsPerSecond;

    /// <summary>
    /// The same ratio from the app's CPU time per request: what the throughput ratio would be if the app had the
    /// processor to itself. Other processes on a shared machine slow both runs but do not add to the app's CPU time.
    /// </summary>
    public double CpuRatioToStatic(Measurement measurement)
    {
        var staticCpu = (Find(Targets.StaticKey).CpuPerRequest + StaticAtEnd.CpuPerRequest) / 2;
        return measurement.CpuPerRequest == TimeSpan.Zero ? 0 : staticCpu / measurement.CpuPerRequest;
    }

    public IReadOnlyList<Aim> Aims()
    {
        var aims = new List<Aim>();
        aims.AddRange(PageAims.For(this));
        if (Insights.Count > 0)
        {
            var slowest = Insights.Where(r => r.Judged).MaxBy(r => r.P95)!;
            aims.Add(new("Insights pages answer with p95 under 300 ms", Invariant($"slowest p95 {slowest.P95.TotalMilliseconds:0} ms ({slowest.Name})"), slowest.MeetsAim));
        }

        aims.Add(new("App's peak memory (RSS) under 300 MB", Megabytes(PeakResidentBytes), PeakResidentBytes < MemoryAimBytes));
        if (Search.Count > 0)
        {
            var slowest = Search.Max(s => s.FullText.P95);
            aims.Add(new("Search p95 under 20 ms (every query timed)", Ms(slowest) + " at worst", slowest < TimeSpan.FromMilliseconds(20)));
            var specific = Search[0];
            aims.Add(new("Search at least 10× faster than LIKE (p95, the place name)", Invariant($"{specific.Speedup:N0}×"), specific.Speedup >= 10));
        }

        return aims;
    }

    public string ConsoleTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{"target",-34} {"req/s",9} {"p50",9} {"p99",9} {"× static",9} {"CPU/req",9} {"× (CPU)",8} {"bytes/resp",10}"));
        foreach (var m in Measurements.Append(StaticAtEnd))
        {
            var name = ReferenceEquals(m, StaticAtEnd) ? "Static file (again, at the end)" : m.Target.Name;
            text.AppendLine(Invariant(
                $"{name,-34} {m.Wrk.RequestsPerSecond,9:N0} {Ms(m.Wrk.LatencyP50),9} {Ms(m.Wrk.LatencyP99),9} {RatioToStatic(m),9:0.00} {Us(m.CpuPerRequest),9} {CpuRatioToStatic(m),8:0.00} {m.Wrk.BytesPerResponse,10:N0}"));
        }

        if (StaticDrift > TolerableDrift)
        {
            text.AppendLine(DriftWarning());
        }

        text.AppendLine(Invariant($"App memory: {Megabytes(AfterStart.ResidentBytes)} after start, peak {Megabytes(PeakResidentBytes)}, {Megabytes(AtEnd.ResidentBytes)} at the end"));
        foreach (var aim in Aims())
        {
            text.AppendLine(Invariant($"{(aim.Met ? "MET " : "MISSED")}  {aim.Description}: {aim.Measured}"));
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(StartMarker);
        md.AppendLine(Invariant($"## Results of {At:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine();
        md.AppendLine("Written by the benchmark command; everything between the two markers is replaced on the next run.");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(Invariant($"| machine | {Machine.Cores} cores ({Machine.Cpu}), {Gigabytes(Machine.MemoryBytes)} RAM, {Machine.OperatingSystem} |"));
        md.AppendLine(Invariant($"| runtime | {Machine.Runtime}, app published in Release, `ASPNETCORE_ENVIRONMENT=Production` |"));
        md.AppendLine(Invariant($"| load average before the run | {Machine.LoadAverage}{(Machine.Niceness != 0 ? $"; the benchmark, the app and wrk ran at nice {Machine.Niceness}" : "")} |"));
        md.AppendLine(Invariant($"| data | {Data.Stories:N0} stories ({Data.Published:N0} published), {Data.People:N0} people, {Data.Teams} teams; {Data.Rows:N0} rows in all |"));
        md.AppendLine(Invariant($"| generation | {(DataReused ? "reused the database of an earlier run" : $"{Data.Took.TotalSeconds:N0} s through the domain model, including migrations")} |"));
        md.AppendLine(Invariant($"| load | `{Settings.Command}` on each address after {LoadSettings.Seconds(Settings.WarmUp)} of warm-up on every one, signed in as an Employee (cookies sent with every request, the static file too) |"));
        md.AppendLine();
        md.AppendLine("| target | address | req/s | p50 | p99 | × static | app CPU per request | × static by CPU | bytes per response |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in Measurements.Append(StaticAtEnd))
        {
            var name = ReferenceEquals(m, StaticAtEnd) ? "Static file, again at the end" : m.Target.Name;
            md.AppendLine(Invariant(
                $"| {name} | `{m.Target.Path}` | {m.Wrk.RequestsPerSecond:N0} | {Ms(m.Wrk.LatencyP50)} | {Ms(m.Wrk.LatencyP99)} | {RatioToStatic(m):0.00} | {Us(m.CpuPerRequest)} | {CpuRatioToStatic(m):0.00} | {m.Wrk.BytesPerResponse:N0} |"));
        }

        md.AppendLine();
        md.AppendLine(Invariant($"The ratio is to the mean of the two static runs ({StaticRequestsPerSecond:N0} req/s; they differ by {StaticDrift * 100:0}%). The deep page starts {Facts.DeepPosition:N0} stories down the {Facts.PublishedCount:N0} published; the filter is the busiest team, {Facts.TeamName}."));
        if (StaticDrift > TolerableDrift)
        {
            md.AppendLine();
            md.AppendLine($"**{DriftWarning()}**");
        }

        md.AppendLine();
        md.AppendLine(Invariant($"App memory (RSS): {Megabytes(AfterStart.ResidentBytes)} after start, **peak {Megabytes(PeakResidentBytes)}**, {Megabytes(AtEnd.ResidentBytes)} at the end."));
        if (Search.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"Search, one query at a time on the same database before the load ({SearchBench.Runs} runs full text, {SearchBench.LikeRuns} by LIKE, after warm-up runs), as the reader Employee, first page of 20:"));
            md.AppendLine();
            md.AppendLine("| search | query | found on page 1 | full text p50 | full text p95 | LIKE p50 | LIKE p95 | LIKE ÷ full text (p95) |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var s in Search)
            {
                md.AppendLine(Invariant(
                    $"| {s.Name} | `{s.Query}` | {s.Found} | {Ms(s.FullText.P50)} | {Ms(s.FullText.P95)} | {Ms(s.Like.P50)} | {Ms(s.Like.P95)} | {s.Speedup:N1}× |"));
            }
        }

        if (Insights.Count > 0)
        {
            md.AppendLine();
            md.Append(InsightsLatency.Markdown(Insights, InsightsDuration));
        }

        if (Mixed is not null)
        {
            md.AppendLine();
            md.Append("Reads and writes together: ").Append(Mixed.Markdown());
        }

        md.AppendLine();
        md.AppendLine("| aim | measured | |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var aim in Aims())
        {
            md.AppendLine(Invariant($"| {aim.Description} | {aim.Measured} | {(aim.Met ? "met" : "**missed**")} |"));
        }

        md.AppendLine(EndMarker);
        return md.ToString();
    }

    /// <summary>Replaces the results between the markers, keeping the hand-written text around them.</summary>
    public static string Merge(string? existing, string results)
    {
        if (existing is not null)
        {
            var start = ProviderResults.MarkerLine(existing, StartMarker);
            var end = start < 0 ? -1 : ProviderResults.MarkerLine(existing, EndMarker, start);
            if (start >= 0 && end > start)
            {
                return string.Concat(existing.AsSpan(0, start), results.TrimEnd('\n'), existing.AsSpan(end + EndMarker.Length));
            }

            return existing.TrimEnd('\n') + "\n\n" + results;
        }

        return "# Performance\n\n" + results;
    }

    private string DriftWarning() => Invariant(
        $"The static file's two runs differ by {StaticDrift * 100:0}%: other work on the machine changed its speed during the run, so the ratios, and the aims judged by them, are unreliable. Compare the CPU per request, or run again when the machine is quieter.");

    private Measurement Find(string key) => Measurements.First(m => m.Target.Key == key);

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0.0} ms");

    private static string Us(TimeSpan time) => Invariant($"{time.TotalMicroseconds:N0} µs");

    private static string Megabytes(long bytes) => Invariant($"{bytes / (1024.0 * 1024):N0} MB");

    private static string Gigabytes(long bytes) => Invariant($"{bytes / (1024.0 * 1024 * 1024):N0} GB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
