using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// Two settings that glibc and the .NET runtime read from the environment only as a process starts, and which the app
/// needs to stay within its memory (docs/performance.md, "Peak memory under 300 MB on SQLite"):
/// <list type="bullet">
/// <item><c>MALLOC_ARENA_MAX</c> (<c>Memory:MallocArenas</c>, 2). glibc gives each new thread a malloc arena of its own,
/// up to eight per core, each keeping what it freed; native memory (SQLite's page caches and statements above all) is
/// taken with malloc. By the app's first line the runtime's threads already hold six, and a limit set then
/// (<c>mallopt</c>) only stops new ones, so the thread pool shared out seven: 80 MB at the benchmark's peak.</item>
/// <item><c>DOTNET_TC_CallCountThreshold</c> (<c>Memory:TieredCompilationCallCount</c>, 4096). The runtime compiles a
/// method again, optimised and with its profile, once it has been called this many times (30 by default). Most of the
/// app's methods are called a few hundred times and then rarely, and every version compiled is kept for the process's
/// life; the hot ones pass 4,096 calls within seconds of load. The runtime reads the variable as a hexadecimal number,
/// so the setting's count is written in hexadecimal (4096 as <c>1000</c>).</item>
/// </list>
/// Started without them, the app starts itself again once with them set (<see cref="Apply"/>): the same program,
/// arguments and environment, in the same process (<c>execve</c> keeps its id, parent and standard streams), so a
/// service manager, <c>dotnet run</c> and the benchmark all see one process. A variable already in the environment is
/// left as it is; a setting of 0 leaves that variable out (glibc's or the runtime's default).
/// </summary>
public static class StartEnvironment
{
    public const string MallocArenas = "MALLOC_ARENA_MAX";

    public const string CallCountThreshold = "DOTNET_TC_CallCountThreshold";

    /// <summary>
    /// Set in the environment of the second start, which never starts a third: where the system drops a variable on the
    /// way (glibc removes <c>MALLOC_*</c> for a program given file capabilities, as <c>setcap</c> on dotnet does to
    /// open port 80), the app goes on without it instead of starting again and again.
    /// </summary>
    public const string StartedAgain = "CARESTORIES_STARTED_AGAIN";

    // M_ARENA_MAX in glibc's malloc.h.
    private const int ArenaMaxParameter = -8;

    /// <summary>The variables the app wants at start and their values, from its configuration.</summary>
    public static IReadOnlyDictionary<string, string> Wanted(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        if (configuration.GetValue("Memory:MallocArenas", 2) is > 0 and var arenas)
        {
            wanted[MallocArenas] = arenas.ToString(CultureInfo.InvariantCulture);
        }

        if (configuration.GetValue("Memory:TieredCompilationCallCount", 4096) is > 0 and var calls)
        {
            // The runtime parses its DOTNET_ numbers as hexadecimal (CLRConfig); "1000" there is 4,096 calls.
            wanted[CallCountThreshold] = calls.ToString("X", CultureInfo.InvariantCulture);
        }

        return wanted;
    }

    /// <summary>
    /// Where a wanted variable is missing and the process may be started again (<see cref="MayRestart"/>), it is, and
    /// this call does not return. Otherwise the malloc arenas are limited from now on, as far as that still helps.
    /// </summary>
    public static void Apply(IConfiguration configuration)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var current = Environment.GetEnvironmentVariables();
        var missing = Wanted(configuration).Where(pair => !current.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return;
        }

        if (MayRestart() && !current.Contains(StartedAgain) && CommandLine() is { } arguments)
        {
            missing[StartedAgain] = "1";
            // The runtime's diagnostic port (dotnet-counters, dotnet-trace) is a socket file named after the process id
            // and start time, both kept across execve; the runtime about to start would find the name taken.
            RemoveDiagnosticPort();
            // The program's own path, not /proc/self/exe, so the process keeps its name (dotnet, or the app's) in ps.
            // Returns only if it failed; the process then goes on as it is.
            _ = Execute(Environment.ProcessPath ?? "/proc/self/exe", arguments, WithVariables(current, missing));
        }

        if (missing.TryGetValue(MallocArenas, out var limit) && IsGlibc())
        {
            _ = SetMallocOption(ArenaMaxParameter, int.Parse(limit, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Only the app's own process is started again: not a test host or a tool that loaded the app's entry point
    /// (WebApplicationFactory, EF Core's design-time tools), and not under a debugger, which would lose it.
    /// </summary>
    public static bool MayRestart() =>
        System.Reflection.Assembly.GetEntryAssembly() == typeof(StartEnvironment).Assembly && !Debugger.IsAttached;

    /// <summary>The environment for the new start, as execve takes it: every variable, with <paramref name="added"/> set.</summary>
    public static string?[] WithVariables(IDictionary environment, IReadOnlyDictionary<string, string> added)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(added);
        var entries = new List<string?>(environment.Count + added.Count + 1);
        foreach (DictionaryEntry entry in environment)
        {
            var name = (string)entry.Key;
            if (!added.ContainsKey(name))
            {
                entries.Add($"{name}={entry.Value}");
            }
        }

        entries.AddRange(added.Select(pair => $"{pair.Key}={pair.Value}"));
        entries.Add(null);
        return [.. entries];
    }

    /// <summary>The arguments this process was started with (the program first), as the kernel keeps them.</summary>
    public static string?[]? CommandLine()
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes("/proc/self/cmdline")).TrimEnd('\0');
            return text.Length == 0 ? null : [.. text.Split('\0'), null];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void RemoveDiagnosticPort()
    {
        try
        {
            foreach (var socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket"))
            {
                File.Delete(socket);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Tools will not attach to the new start, which is all that is lost.
        }
    }

    private static bool IsGlibc() =>
        NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);

    // DllImport rather than LibraryImport: these need no unsafe code, which LibraryImport would need allowed. LPStr is
    // UTF-8 on Linux, the only system that gets here.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetMallocOption(int parameter, int value);

    [DllImport("libc", EntryPoint = "execve", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Execute(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] arguments,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] environment);
#pragma warning restore SYSLIB1054
}
