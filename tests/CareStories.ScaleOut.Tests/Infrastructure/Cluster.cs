using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace CareStories.ScaleOut.Tests.Infrastructure;

/// <summary>
/// Two instances of the built app (<c>dotnet CareStories.Web.dll</c>) over one database and one Redis, behind nginx,
/// everything on 127.0.0.1. nginx listens on three ports: <see cref="Proxy"/> spreads requests over both instances
/// (round robin), <see cref="ViaA"/> and <see cref="ViaB"/> go through nginx to one instance each, so a test can say
/// which instance does what and still pass through the proxy. Cookies are kept per host, not per port, so one
/// browser session spans all three. The database is a SQLite file in WAL mode unless CARESTORIES_SCALEOUT_DATABASE
/// names another provider's settings (see README, Run several instances).
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public const string DemoPassword = "CareStories-demo-2026";
    public const int SignInPostsPerMinute = 4;

    private readonly List<AppProcess> _processes = [];
    private RedisServer? _redis;

    public string Folder { get; } = Directory.CreateTempSubdirectory("carestories-scaleout-").FullName;

    public string MailFolder => Path.Combine(Folder, "mail");

    public Uri Proxy { get; private set; } = null!;

    public Uri ViaA { get; private set; } = null!;

    public Uri ViaB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        try
        {
            _redis = await RedisServer.StartAsync();
            int appA = RedisServer.FreePort(), appB = RedisServer.FreePort();
            int proxy = RedisServer.FreePort(), viaA = RedisServer.FreePort(), viaB = RedisServer.FreePort();
            Proxy = new Uri($"http://127.0.0.1:{proxy}");
            ViaA = new Uri($"http://127.0.0.1:{viaA}");
            ViaB = new Uri($"http://127.0.0.1:{viaB}");
            var database = DatabaseSettings();

            // Both start at once over an empty database: one applies the migrations, the other waits for its lock.
            var a = StartApp("a", appA, database, seedDemo: true);
            var b = StartApp("b", appB, database, seedDemo: false);
            _processes.Add(StartNginx(appA, appB, proxy, viaA, viaB));
            await WaitUntilReadyAsync(a, new Uri($"http://127.0.0.1:{appA}"), () => Logs);
            await WaitUntilReadyAsync(b, new Uri($"http://127.0.0.1:{appB}"), () => Logs);
            await WaitUntilReadyAsync(_processes[^1], Proxy, () => Logs);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        Console.WriteLine($"scale-out: two instances and nginx ready in {started.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>What every process wrote lately, for a failure message.</summary>
    public string Logs => string.Join("\n\n", _processes.Select(p => $"--- {p.Name} ---\n{p.Output}"));

    /// <summary>A browser at <paramref name="via"/>: keeps cookies (share them to go on with one session elsewhere), follows no redirects.</summary>
    public static HttpClient Browser(Uri via, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = via,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private Dictionary<string, string> DatabaseSettings()
    {
        var configured = Environment.GetEnvironmentVariable("CARESTORIES_SCALEOUT_DATABASE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // KEY=VALUE pairs separated by '|', e.g. Database__Provider=PostgreSQL|ConnectionStrings__CareStories=Host=...
            return configured.Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        }

        var file = Path.Combine(Folder, "carestories.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            // Readers in one process never wait for a writer in the other; kept in the file for every later connection.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        return new() { ["ConnectionStrings__CareStories"] = $"Data Source={file}" };
    }

    /// <summary>The built app's dll, as <c>dotnet CareStories.Web.dll</c> runs it.</summary>
    public static string AppDll
    {
        get
        {
            var dll = typeof(Cluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebAppDll").Value!;
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"The app is not built at {dll}.");
        }
    }

    /// <summary>Runs the app with <paramref name="arguments"/> in Production until it exits (at most a minute); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAppAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["App__PublicUrl"] = "https://stories.example.com";
        start.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The app did not exit within a minute:\n{await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }

    private AppProcess StartApp(string name, int port, Dictionary<string, string> database, bool seedDemo)
    {
        var dll = AppDll;
        var environment = new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["App__PublicUrl"] = Proxy.ToString(),
            ["App__InstanceName"] = name,
            // Plain HTTP on loopback: a TLS proxy in front would make every cookie Secure (the default).
            ["App__HttpsOnly"] = "false",
            ["DataProtection__AllowUnencryptedKeys"] = "true",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["Redis__Configuration"] = _redis!.Configuration,
            ["RateLimiting__AccountPostsPerMinute"] = SignInPostsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["DataFolder"] = Path.Combine(Folder, "data-" + name),
            ["Photos__Store"] = "Database",
            ["Mail__PickupFolder"] = MailFolder,
            ["Delivery__PollSeconds"] = "0.5",
            ["Demo__Seed"] = seedDemo ? "true" : "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        var process = AppProcess.Start("app " + name, "dotnet", [dll], environment, Path.GetDirectoryName(dll)!);
        _processes.Add(process);
        return process;
    }

    private AppProcess StartNginx(int appA, int appB, int proxy, int viaA, int viaB)
    {
        var executable = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: sudo apt-get install -y nginx (bash .ci/run does it).");
        var folder = Path.Combine(Folder, "nginx");
        Directory.CreateDirectory(folder);
        // nginx's workers may run as another user; they only write their temporary files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }
        var config = NginxConfig.Write(folder, appA, appB, proxy, viaA, viaB);
        return AppProcess.Start("nginx", executable, ["-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", config, "-g", "daemon off;"], new Dictionary<string, string>(), folder);
    }

    /// <summary>Waits (at most 90 s) until <paramref name="process"/> answers /health/ready at <paramref name="address"/>.</summary>
    public static async Task WaitUntilReadyAsync(AppProcess process, Uri address, Func<string> logs)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} stopped while starting.\n{logs()}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{process.Name} was not ready within 90 seconds.\n{logs()}");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temporary-file cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // nginx's workers wrote as another user.
        }
    }
}
