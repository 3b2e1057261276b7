using System.Globalization;

namespace CareStories.Benchmark;

/// <summary>
/// With <c>--profile</c>, records where the app's time goes while the feed's first page and the story page are measured: a sampled
/// stack trace (dotnet-trace, profile <c>dotnet-sampled-thread-time</c>, also written as Speedscope for
/// https://www.speedscope.app or any viewer of that format) and the runtime's and ASP.NET Core's counters
/// (dotnet-counters, CSV), both .NET tools restored from the repository's tool manifest. The trace's top methods,
/// by exclusive and inclusive time, are written beside them as text.
/// </summary>
public sealed class Profiling
{
    /// <summary>The targets whose runs are profiled: the feed's first page and the story page.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(["feed", "story"], StringComparer.Ordinal);

    private readonly string _root;
    private readonly string _stem;
    private readonly Task<(int ExitCode, string Output)> _trace;
    private readonly Task<(int ExitCode, string Output)> _counters;

    private Profiling(string root, string stem, Task<(int, string)> trace, Task<(int, string)> counters)
    {
        _root = root;
        _stem = stem;
        _trace = trace;
        _counters = counters;
    }

    public string TraceFile => _stem + ".nettrace";

    public string CountersFile => _stem + ".counters.csv";

    public string TopMethodsFile => _stem + ".top.txt";

    /// <summary>Makes sure the tools are there; run once before the app starts, as restoring may take a while.</summary>
    public static async Task RestoreToolsAsync(string root, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await WebApp.Run("dotnet", ["tool", "restore"], cancellationToken, root);
        if (exitCode != 0)
        {
            throw new BenchmarkException($"--profile needs dotnet-trace and dotnet-counters; `dotnet tool restore` failed:\n{output}");
        }
    }

    /// <summary>Starts both recorders on the app for <paramref name="duration"/>; the load should start right after.</summary>
    public static Profiling Start(string root, string folder, string key, int processId, TimeSpan duration, DateTimeOffset now)
    {
        var stem = Path.Combine(folder, "profile-" + key + "-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var length = duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture);
        var pid = processId.ToString(CultureInfo.InvariantCulture);
        var trace = WebApp.Run(
            "dotnet",
            ["tool", "run", "dotnet-trace", "--", "collect", "-p", pid, "--profile", "dotnet-sampled-thread-time", "--duration", length, "--format", "Speedscope", "-o", stem + ".nettrace"],
            CancellationToken.None,
            root);
        var counters = WebApp.Run(
            "dotnet",
            ["tool", "run", "dotnet-counters", "--", "collect", "-p", pid, "--format", "csv", "--duration", length, "--refresh-interval", "1",
                "--counters", "System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel,Microsoft.EntityFrameworkCore", "-o", stem + ".counters.csv"],
            CancellationToken.None,
            root);
        return new Profiling(root, stem, trace, counters);
    }

    /// <summary>Waits for both recorders and writes the top methods; returns what to tell the reader.</summary>
    public async Task<string> FinishAsync(CancellationToken cancellationToken)
    {
        var (traceExit, traceOutput) = await _trace;
        var (countersExit, countersOutput) = await _counters;
        if (traceExit != 0 || !File.Exists(TraceFile))
        {
            return $"dotnet-trace failed (exit code {traceExit}): {traceOutput.Trim()}";
        }

        var (_, exclusive) = await WebApp.Run("dotnet", ["tool", "run", "dotnet-trace", "--", "report", TraceFile, "topN", "-n", "25"], cancellationToken, _root);
        var (_, inclusive) = await WebApp.Run("dotnet", ["tool", "run", "dotnet-trace", "--", "report", TraceFile, "topN", "-n", "40", "--inclusive"], cancellationToken, _root);
        await File.WriteAllTextAsync(
            TopMethodsFile,
            $"Top methods by exclusive time (samples where the method itself was running)\n{exclusive}\n\nTop methods by inclusive time\n{inclusive}\n",
            cancellationToken);
        var countersNote = countersExit == 0 ? $"counters in {CountersFile}" : $"dotnet-counters failed (exit code {countersExit}): {countersOutput.Trim()}";
        return $"profile of the run in {TraceFile} (and .speedscope.json); top methods in {TopMethodsFile}; {countersNote}";
    }
}
