using System.Globalization;
using CareStories.Data;
using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
          --profile          record a CPU profile (dotnet-trace) and counters (dotnet-counters) of the feed's run into
                             artifacts/benchmark; prints, writes nothing (the profiler slows the app down)

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
        var databaseFile = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"carestories-{options.Stories}-{options.People}.db"));
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString();

        var reuse = options.Reuse && File.Exists(databaseFile);
        GeneratedData data;
        if (reuse)
        {
            Console.WriteLine($"Reusing {databaseFile}.");
            data = await CountAsync(connectionString, cancellationToken);
        }
        else
        {
            DeleteDatabase(databaseFile);
            Console.WriteLine($"Generating {options.Stories:N0} stories and {options.People:N0} people into {databaseFile}...");
            await using (var generator = new DataGenerator(connectionString, options.Stories, options.People))
            {
                data = await generator.GenerateAsync(cancellationToken);
            }

            data = data with { Rows = (await CountAsync(connectionString, cancellationToken)).Rows };
            Console.WriteLine($"  {data.Rows:N0} rows in {data.Took.TotalSeconds:N0} s");
        }

        if (options.GenerateOnly)
        {
            return 0;
        }

        Console.WriteLine("Publishing the web app in Release...");
        var appDll = await WebApp.PublishAsync(root, Path.Combine(folder, "app"), cancellationToken);

        SqliteConnection.ClearAllPools();
        var facts = await Targets.ReadAsync(connectionString, cancellationToken);
        var targets = Targets.For(facts)
            .Where(t => options.Only is null || t.Key == Targets.StaticKey || options.Only.Contains(t.Key))
            .ToList();

        IReadOnlyList<SearchTiming> search = [];
        if (options.Only is null || options.Only.Contains(Targets.SearchKey))
        {
            Console.WriteLine("Timing search, full text beside LIKE...");
            search = await SearchBench.MeasureAsync(connectionString, data.SignInEmail, cancellationToken);
            SqliteConnection.ClearAllPools();
        }

        Console.WriteLine("Starting the web app...");
        await using var app = await WebApp.StartAsync(
            appDll, databaseFile, Path.Combine(folder, "App_Data"), Path.Combine(folder, "app.log"), options.AppEnvironment, cancellationToken);
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
            var profiling = options.Profile && target.Key == Profiling.Key
                ? Profiling.Start(root, folder, app.ProcessId, settings.Duration, DateTimeOffset.UtcNow)
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
            mixed = await MixedRun.RunAsync(app.Address, data.Password, mix, settings.Duration, cancellationToken);
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
            await File.WriteAllTextAsync(path, BenchmarkReport.Merge(existing, report.Markdown()), cancellationToken);
            Console.WriteLine($"Results written to {path}");
        }

        return 0;
    }

    private static async Task<GeneratedData> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = CareStoriesDatabase.Create(DatabaseProvider.Sqlite, connectionString);
        var stories = await db.Stories.CountAsync(cancellationToken);
        var published = await db.Stories.CountAsync(s => s.Status == StoryStatus.Published, cancellationToken);
        var people = await db.Users.CountAsync(cancellationToken);
        var teams = await db.Teams.CountAsync(cancellationToken);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            rows += Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return new GeneratedData(stories, published, people, teams, rows, TimeSpan.Zero, DataGenerator.ReaderEmail, DataGenerator.Password);
    }

    private static void DeleteDatabase(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
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

    private sealed record Options(
        int Stories, int People, LoadSettings Load, string? Out, IReadOnlySet<string>? Only, IReadOnlyDictionary<string, string> AppEnvironment, bool Reuse, bool Help)
    {
        public bool Profile { get; init; }
        public bool GenerateOnly { get; init; }

        public static Options Parse(string[] args)
        {
            int stories = 100_000, people = 1_000, connections = 16, threads = 2;
            TimeSpan duration = TimeSpan.FromSeconds(15), warmUp = TimeSpan.FromSeconds(10);
            string? output = "docs/performance.md";
            bool reuse = false, help = false, profile = false, generateOnly = false;
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
            };
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
