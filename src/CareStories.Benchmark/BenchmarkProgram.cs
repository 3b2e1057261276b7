using System.Globalization;
using CareStories.Data;

namespace CareStories.Benchmark;

/// <summary>
/// Fills a fresh database with a large generated data set, runs the real app over it in Release and measures
/// its pages with wrk beside a static file of the same app. README's "Benchmark" section shows how to run it.
/// </summary>
public static class BenchmarkProgram
{
    private const string Usage = """
        Usage: dotnet run -c Release --project src/CareStories.Benchmark -- [options]

          --stories N        stories to generate (default 100000)
          --people N         people to generate, at least 100 (default 1000)
          --duration 15s     how long wrk loads each address (default 15s)
          --warmup 10s       load on each address before any is measured, not counted (default 10s)
          --connections N    open connections (default 16)
          --threads N        wrk threads (default 2)
          --out PATH         where the results go (default docs/performance.md; "none" to only print them)
          --only KEY,KEY     measure only these (static, feed, deep, team, kind, story, search, insights, mixed); prints, writes nothing
          --app-env KEY=VALUE  an extra environment variable for the app, to try a setting (DOTNET_gcServer=0); repeatable
          --reuse            keep the database of an earlier run with the same sizes instead of generating it again
          --generate         only generate the database (artifacts/benchmark/carestories-STORIES-PEOPLE.db) and stop
          --provider NAME    sqlite (default) or postgresql: the database the data goes into and the app runs on
          --postgres CONN    the PostgreSQL server, a role that may create databases (default: CARESTORIES_TEST_POSTGRES,
                             else "Host=127.0.0.1;Username=carestories;Password=carestories"); the data goes into the
                             database carestories_bench_STORIES_PEOPLE there
          --profile          record a CPU profile (dotnet-trace) and counters (dotnet-counters) of the feed's and the
                             story page's runs into artifacts/benchmark; prints, writes nothing (the profiler slows the app down)

        "mixed" is reads and writes together for --duration (after everything else, as it changes the data): most
        connections read the feed while a few applaud, comment and publish, each change checked on its maker's next read.
        """;

    private static readonly TimeSpan InsightsWarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan InsightsDuration = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{Usage}");
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        try
        {
            return await RunAsync(options, cancellation.Token);
        }
        catch (BenchmarkException ex)
        {
            await Console.Error.WriteLineAsync($"benchmark: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("benchmark: stopped.");
            return 130;
        }
    }

    private static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        await LoadRun.EnsureWrkAsync(cancellationToken);
        var machine = Machine.Read();
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "artifacts", "benchmark");
        Directory.CreateDirectory(folder);
        var database = BenchmarkDatabase.For(options.Provider, folder, options.Stories, options.People, options.PostgresServer);
        var connectionString = database.ConnectionString;

        var reuse = options.Reuse && await database.ExistsAsync(cancellationToken);
        GeneratedData data;
        if (reuse)
        {
            Console.WriteLine($"Reusing {database.Name}.");
            data = await database.CountAsync(cancellationToken);
        }
        else
        {
            var fill = await database.BeginFillAsync(cancellationToken);
            Console.WriteLine($"Generating {options.Stories:N0} stories and {options.People:N0} people into {database.Name}...");
            await using (var generator = new DataGenerator(fill, options.Stories, options.People) { Provider = options.Provider })
            {
                data = await generator.GenerateAsync(cancellationToken);
            }

            await database.EndFillAsync(cancellationToken);
            data = data with { Rows = (await database.CountAsync(cancellationToken)).Rows };
            Console.WriteLine($"  {data.Rows:N0} rows in {data.Took.TotalSeconds:N0} s");
        }

        if (options.GenerateOnly)
        {
            return 0;
        }

        Console.WriteLine("Publishing the web app in Release...");
        var appDll = await WebApp.PublishAsync(root, Path.Combine(folder, "app"), cancellationToken);

        database.ClearPools();
        var facts = await Targets.ReadAsync(options.Provider, connectionString, cancellationToken);
        var targets = Targets.For(facts)
            .Where(t => options.Only is null || t.Key == Targets.StaticKey || options.Only.Contains(t.Key))
            .ToList();

        IReadOnlyList<SearchTiming> search = [];
        if (options.Only is null || options.Only.Contains(Targets.SearchKey))
        {
            Console.WriteLine("Timing search, full text beside LIKE...");
            search = await SearchBench.MeasureAsync(options.Provider, connectionString, data.SignInEmail, cancellationToken);
            database.ClearPools();
        }

        Console.WriteLine("Starting the web app...");
        await using var app = await WebApp.StartAsync(
            appDll, options.Provider, connectionString, Path.Combine(folder, "App_Data"), Path.Combine(folder, "app.log"), options.AppEnvironment, cancellationToken);
        var afterStart = app.ReadMemory();
        using var browser = new BrowserSession(app.Address);
        await browser.SignInAsync(data.SignInEmail, data.Password, cancellationToken);

        var expectedBytes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            expectedBytes[target.Key] = await browser.VerifyAsync(target, cancellationToken);
        }

        if (options.Profile)
        {
            await Profiling.RestoreToolsAsync(root, cancellationToken);
        }

        var settings = options.Load;
        Console.WriteLine($"Warming up: {LoadSettings.Seconds(settings.WarmUp)} on each of {targets.Count} addresses...");
        foreach (var target in targets)
        {
            await LoadRun.WarmUpAsync(app, target, browser, settings, cancellationToken);
        }

        Console.WriteLine($"Measuring at {app.Address} with {settings.Describe()}...");
        var measurements = new List<Measurement>();
        foreach (var target in targets)
        {
            var profiling = options.Profile && Profiling.Keys.Contains(target.Key)
                ? Profiling.Start(root, folder, target.Key, app.ProcessId, settings.Duration, DateTimeOffset.UtcNow)
                : null;
            var measurement = await LoadRun.MeasureAsync(app, target, browser, settings, expectedBytes[target.Key], cancellationToken);
            if (profiling is not null)
            {
                Console.WriteLine("  " + await profiling.FinishAsync(cancellationToken));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {target.Name}: {measurement.Wrk.RequestsPerSecond:N0} req/s, p99 {measurement.Wrk.LatencyP99.TotalMilliseconds:0.0} ms"));
            measurements.Add(measurement);
        }

        IReadOnlyList<LatencyResult> insights = [];
        if (options.Only is null || options.Only.Contains(InsightsLatency.Key))
        {
            Console.WriteLine($"Timing Insights, {LoadSettings.Seconds(InsightsDuration)} of wrk over one connection on each address...");
            insights = await InsightsLatency.MeasureAsync(app.Address, InsightsWarmUp, InsightsDuration, cancellationToken);
            insights = [.. insights, await InsightsLatency.MeasureReadAgainAsync(app.Address, database.RenewInsightsHistoryAsync, cancellationToken)];
        }

        var staticTarget = targets[0];
        var staticAgain = await LoadRun.MeasureAsync(app, staticTarget, browser, settings, expectedBytes[staticTarget.Key], cancellationToken);

        // The pages must still be the signed-in pages at the end: a lost cookie would turn them into redirects.
        foreach (var target in targets)
        {
            await browser.VerifyAsync(target, cancellationToken);
        }

        // Last, because it publishes and comments: the checks above expect the generated data as it was.
        MixedResult? mixed = null;
        if (options.Only is null || options.Only.Contains(MixedRun.Key))
        {
            var mix = MixedRun.MixFor(settings.Connections);
            Console.WriteLine($"Reads and writes together for {LoadSettings.Seconds(settings.Duration)}: {mix.Describe()}...");
            mixed = await MixedRun.RunAsync(app.Address, data.Password, mix, MixedRun.WarmUp, settings.Duration, cancellationToken);
            var locked = File.ReadLines(Path.Combine(folder, "app.log")).Count(line => line.Contains("database is locked", StringComparison.OrdinalIgnoreCase));
            if (locked > 0)
            {
                mixed = mixed with { Errors = [.. mixed.Errors, $"the app's log says \"database is locked\" {locked} times"] };
            }

            Console.WriteLine(mixed.Markdown());
        }

        var report = new BenchmarkReport(
            DateTimeOffset.UtcNow, machine, data, reuse, facts, settings, measurements, staticAgain, afterStart, app.ReadMemory())
        {
            Search = search,
            Insights = insights,
            Mixed = mixed,
            InsightsDuration = InsightsDuration,
        };
        Console.WriteLine();
        Console.WriteLine($"Database: {database.Name}");
        Console.WriteLine(report.ConsoleTable());

        var problems = measurements.Append(staticAgain)
            .Select(m => (m.Target, Problem: LoadRun.Problem(m)))
            .Where(p => p.Problem is not null)
            .ToList();
        if (problems.Count > 0)
        {
            foreach (var (target, problem) in problems)
            {
                await Console.Error.WriteLineAsync($"benchmark: {target.Name} ({target.Path}): {problem}");
            }

            await Console.Error.WriteLineAsync("benchmark: these numbers are not trustworthy; nothing was written. The app's log: " + Path.Combine(folder, "app.log"));
            return 1;
        }

        // A partial run, or one with settings the app does not ship with, is not the app's result.
        if (options.Out is { } output && options.Only is null && options.AppEnvironment.Count == 0 && !options.Profile)
        {
            var path = Path.GetFullPath(output, root);
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
            var section = ProviderResults.Section(options.Provider, report.Markdown(), database.Name, existing);
            await File.WriteAllTextAsync(path, ProviderResults.Merge(existing, options.Provider, section), cancellationToken);
            Console.WriteLine($"Results written to {path}");
        }

        return 0;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CareStories.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new BenchmarkException("Run the benchmark from inside the CareStories repository (no CareStories.sln found above here).");
    }

    internal sealed record Options(
        int Stories, int People, LoadSettings Load, string? Out, IReadOnlySet<string>? Only, IReadOnlyDictionary<string, string> AppEnvironment, bool Reuse, bool Help)
    {
        public bool Profile { get; init; }
        public bool GenerateOnly { get; init; }

        public DatabaseProvider Provider { get; init; }

        public string PostgresServer { get; init; } = BenchmarkDatabase.DefaultPostgresServer;

        public static Options Parse(string[] args)
        {
            int stories = 100_000, people = 1_000, connections = 16, threads = 2;
            TimeSpan duration = TimeSpan.FromSeconds(15), warmUp = TimeSpan.FromSeconds(10);
            string? output = "docs/performance.md";
            bool reuse = false, help = false, profile = false, generateOnly = false;
            var provider = DatabaseProvider.Sqlite;
            var postgres = Environment.GetEnvironmentVariable("CARESTORIES_TEST_POSTGRES") is { Length: > 0 } configured
                ? configured
                : BenchmarkDatabase.DefaultPostgresServer;
            HashSet<string>? only = null;
            var appEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--stories": stories = Count(Value(), "--stories", 1); break;
                    case "--people": people = Count(Value(), "--people", 100); break;
                    case "--connections": connections = Count(Value(), "--connections", 1); break;
                    case "--threads": threads = Count(Value(), "--threads", 1); break;
                    case "--duration": duration = Seconds(Value(), "--duration"); break;
                    case "--warmup": warmUp = Seconds(Value(), "--warmup"); break;
                    case "--out": output = Value() is "none" ? null : args[i]; break;
                    case "--only": only = Value().Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal); break;
                    case "--app-env":
                        var pair = Value().Split('=', 2);
                        appEnvironment[pair[0]] = pair.Length == 2 && pair[0].Length > 0 ? pair[1] : throw new FormatException("--app-env takes KEY=VALUE.");
                        break;
                    case "--reuse": reuse = true; break;
                    case "--profile": profile = true; break;
                    case "--generate": generateOnly = true; break;
                    case "--provider": provider = ParseProvider(Value()); break;
                    case "--postgres": postgres = Value(); break;
                    case "--help" or "-h": help = true; break;
                    default: throw new FormatException($"Unknown option {args[i]}.");
                }
            }

            if (threads > connections)
            {
                throw new FormatException("--threads cannot be more than --connections.");
            }

            return new Options(stories, people, new LoadSettings(threads, connections, duration, warmUp, TimeSpan.FromSeconds(5)), output, only, appEnvironment, reuse, help)
            {
                Profile = profile,
                GenerateOnly = generateOnly,
                Provider = provider,
                PostgresServer = postgres,
            };
        }

        private static DatabaseProvider ParseProvider(string name)
        {
            try
            {
                return CareStoriesDatabase.ParseProvider(name);
            }
            catch (InvalidOperationException)
            {
                throw new FormatException($"--provider takes sqlite or postgresql, not \u201c{name}\u201d.");
            }
        }

        private static int Count(string text, string option, int minimum) =>
            int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
                ? value
                : throw new FormatException($"{option} takes a whole number of at least {minimum}.");

        private static TimeSpan Seconds(string text, string option) =>
            int.TryParse(text.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1
                ? TimeSpan.FromSeconds(seconds)
                : throw new FormatException($"{option} takes seconds, such as 15s.");
    }
}
