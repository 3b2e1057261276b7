using System.Globalization;
using CareStories.ScaleOut.Tests.Infrastructure;

namespace CareStories.ScaleOut.Tests;

/// <summary>
/// The app as a service starts it (<c>dotnet CareStories.Web.dll</c>, nothing about memory in its environment): it
/// starts itself again once with <c>MALLOC_ARENA_MAX</c> and <c>DOTNET_TC_CallCountThreshold</c> set, so glibc keeps two
/// malloc arenas from the first thread on and the runtime compiles fewer methods twice.
/// </summary>
public sealed class StartEnvironmentTests
{
    [Fact]
    public async Task An_app_started_without_its_memory_settings_runs_as_the_same_process_with_them_and_its_diagnostic_port()
    {
        await using var app = await StartAsync(new Dictionary<string, string>());

        var environment = await File.ReadAllTextAsync($"/proc/{app.Process.Id}/environ");
        Assert.Contains("\0MALLOC_ARENA_MAX=2\0", "\0" + environment, StringComparison.Ordinal);
        // 4,096 calls, in the hexadecimal the runtime reads its DOTNET_ numbers in.
        Assert.Contains("\0DOTNET_TC_CallCountThreshold=1000\0", "\0" + environment, StringComparison.Ordinal);
        Assert.Contains("\0CARESTORIES_STARTED_AGAIN=1\0", "\0" + environment, StringComparison.Ordinal);
        // The settings it was started with are all still there.
        Assert.Contains("\0Demo__Seed=false\0", "\0" + environment, StringComparison.Ordinal);
        // At most one besides the main one; glibc's default here is one per thread, 15 at this point. One more is
        // allowed for a stretch of the GC's memory that happens to look like an arena.
        Assert.InRange(Arenas(app.Process.Id), 0, 2);
        // Still "dotnet" in ps and top.
        Assert.Equal("dotnet", (await File.ReadAllTextAsync($"/proc/{app.Process.Id}/comm")).Trim());
        // dotnet-counters and dotnet-trace still find it: the restarted runtime opened its own port.
        Assert.NotEmpty(Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{app.Process.Id}-*-socket"));
    }

    [Fact]
    public async Task An_app_told_to_leave_both_defaults_alone_is_not_started_again()
    {
        await using var app = await StartAsync(new Dictionary<string, string>
        {
            ["Memory__MallocArenas"] = "0",
            ["Memory__TieredCompilationCallCount"] = "0",
        });

        await AssertNotStartedAgainAsync(app);
    }

    [Fact]
    public async Task A_second_start_that_lost_a_variable_on_the_way_goes_on_without_starting_a_third_time()
    {
        // As glibc does for a program with file capabilities: the restarted process does not see MALLOC_ARENA_MAX.
        await using var app = await StartAsync(new Dictionary<string, string> { ["CARESTORIES_STARTED_AGAIN"] = "1" });

        await AssertNotStartedAgainAsync(app);
    }

    [Fact]
    public async Task A_setting_the_operator_gave_is_kept_as_given()
    {
        await using var app = await StartAsync(new Dictionary<string, string> { ["MALLOC_ARENA_MAX"] = "4" });

        var environment = await File.ReadAllTextAsync($"/proc/{app.Process.Id}/environ");
        Assert.Contains("\0MALLOC_ARENA_MAX=4\0", "\0" + environment, StringComparison.Ordinal);
        Assert.DoesNotContain("MALLOC_ARENA_MAX=2", environment, StringComparison.Ordinal);
        Assert.Contains("\0DOTNET_TC_CallCountThreshold=1000\0", "\0" + environment, StringComparison.Ordinal);
    }

    /// <summary>The app runs as it was started: neither variable was added to its environment.</summary>
    private static async Task AssertNotStartedAgainAsync(RunningApp app)
    {
        var environment = await File.ReadAllTextAsync($"/proc/{app.Process.Id}/environ");
        Assert.DoesNotContain("MALLOC_ARENA_MAX", environment, StringComparison.Ordinal);
        Assert.DoesNotContain("DOTNET_TC_CallCountThreshold", environment, StringComparison.Ordinal);
    }

    /// <summary>glibc's arenas besides the main one: 64 MB reservations on a 64 MB boundary, made of anonymous mappings.</summary>
    private static int Arenas(int processId)
    {
        const long heapSize = 64L * 1024 * 1024;
        var mappings = File.ReadLines($"/proc/{processId}/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (Range: parts[0].Split('-'), Path: parts.Length > 5 ? parts[5].Trim() : ""))
            .Select(m => (Start: long.Parse(m.Range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), End: long.Parse(m.Range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), m.Path))
            .ToList();
        var arenas = 0;
        for (var i = 0; i < mappings.Count; i++)
        {
            var (start, end, path) = mappings[i];
            if (path.Length != 0 || start % heapSize != 0)
            {
                continue;
            }

            // An arena's heap: what it uses, then the rest of its 64 MB reserved, back to back.
            while (i + 1 < mappings.Count && mappings[i + 1].Start == end && mappings[i + 1].Path.Length == 0 && end - start < heapSize)
            {
                end = mappings[++i].End;
            }

            if (end - start == heapSize)
            {
                arenas++;
            }
        }

        return arenas;
    }

    private static async Task<RunningApp> StartAsync(Dictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("carestories-arenas-").FullName;
        var port = RedisServer.FreePort();
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["App__PublicUrl"] = $"http://127.0.0.1:{port}/",
            ["App__HttpsOnly"] = "false",
            ["DataProtection__AllowUnencryptedKeys"] = "true",
            ["ConnectionStrings__CareStories"] = $"Data Source={Path.Combine(folder, "carestories.db")}",
            ["DataFolder"] = folder,
            ["Mail__PickupFolder"] = Path.Combine(folder, "mail"),
            ["Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var dll = Cluster.AppDll;
        var process = AppProcess.Start("app", "dotnet", [dll], environment, Path.GetDirectoryName(dll)!);
        var app = new RunningApp(process, folder);
        try
        {
            await Cluster.WaitUntilReadyAsync(process, new Uri($"http://127.0.0.1:{port}"), () => process.Output);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private sealed record RunningApp(AppProcess Process, string Folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Process.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
