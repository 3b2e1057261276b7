using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CareStories.Data;
using Microsoft.Data.Sqlite;

namespace CareStories.Benchmark;

/// <summary>The app's memory as the kernel sees it: resident now, and the most it has been resident since it started.</summary>
public sealed record Memory(long ResidentBytes, long PeakResidentBytes);

/// <summary>
/// The real web app, published in Release and run as a child process (<c>dotnet CareStories.Web.dll</c>), so the
/// process id is the app's own and its memory and CPU time can be read from /proc.
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private WebApp(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<string> PublishAsync(string repositoryRoot, string outputFolder, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repositoryRoot, "src", "CareStories.Web", "CareStories.Web.csproj");
        var (exitCode, output) = await Run(
            "dotnet", ["publish", project, "-c", "Release", "-o", outputFolder, "--nologo", "-v", "quiet"], cancellationToken);
        if (exitCode != 0)
        {
            throw new BenchmarkException($"dotnet publish of the web app failed:\n{output}");
        }

        return Path.Combine(outputFolder, "CareStories.Web.dll");
    }

    public static async Task<WebApp> StartAsync(
        string appDll, DatabaseProvider provider, string connectionString, string dataFolder, string logFile, IReadOnlyDictionary<string, string> extraEnvironment, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        var environment = start.Environment;
        environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_ENVIRONMENT"] = "Production";
        // Through the environment, not the command line, and never logged: the PostgreSQL one holds a password.
        environment["Database__Provider"] = provider.ToString();
        environment["ConnectionStrings__CareStories"] = provider == DatabaseProvider.PostgreSQL
            ? connectionString
            : $"Data Source={new SqliteConnectionStringBuilder(connectionString).DataSource}";
        environment["DataFolder"] = dataFolder;
        environment["Mail__PickupFolder"] = Path.Combine(dataFolder, "mail");
        environment["Demo__Seed"] = "false";
        // The load runs over plain HTTP on loopback: no Secure cookies, and links are never followed.
        environment["App__HttpsOnly"] = "false";
        environment["App__PublicUrl"] = address.ToString();
        // A throw-away database: its signing keys need no certificate.
        environment["DataProtection__AllowUnencryptedKeys"] = "true";
        environment["Logging__LogLevel__Default"] = "Warning";
        // The mixed run signs in 16 people from one address within seconds; the per-address sign-in limit would refuse
        // them as a password-guessing attack would be refused.
        environment["RateLimiting__AccountPostsPerMinute"] = "1000";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        // wrk sends the sign-in cookie it was given and never takes a renewed one: with the usual check of the session
        // every 60 s, every request after the first minute would re-read the person and answer with a new cookie
        // (a static file of 927 bytes came back at ~1,980), so the session is checked hourly for the run instead.
        environment["Identity__SessionCheckSeconds"] = "3600";
        // The weekly nudge to managers runs once a week in a company; here it would start 30 s after every launch
        // and count 25 managers' teams in the middle of a measurement.
        environment["Insights__WeeklyNudges"] = "false";
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, log, address);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                await app.DisposeAsync();
                throw new BenchmarkException($"The web app stopped while starting (exit code {process.ExitCode}). Its log: {logFile}");
            }

            try
            {
                using var response = await client.GetAsync("/favicon.svg", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        await app.DisposeAsync();
        throw new BenchmarkException($"The web app did not answer within 90 seconds. Its log: {logFile}");
    }

    public Memory ReadMemory()
    {
        long resident = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return new Memory(resident * 1024, peak * 1024);
    }

    /// <summary>User plus system CPU time the app has used since it started.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    internal static async Task<(int ExitCode, string Output)> Run(
        string file, IEnumerable<string> arguments, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new BenchmarkException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A reason the benchmark cannot give honest numbers; the message says what to do.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
