using System.Runtime.InteropServices;

namespace CareStories.Web.Infrastructure;

/// <summary>
/// How many malloc arenas glibc may keep. Native memory (SQLite's page caches and statements above all) is taken
/// with malloc, and glibc gives a thread that finds the arenas busy an arena of its own, up to eight per core, each
/// keeping what it freed: under the benchmark's load 15 arenas held 92 MB of the app's 355 MB peak. Two are enough
/// for a small server (docs/performance.md, "Memory"). Set from the app itself, first thing at start, so it holds
/// however the app is started; the environment's <c>MALLOC_ARENA_MAX</c>, where set, still wins (glibc reads it
/// before any code runs, and this call is skipped). <c>Memory:MallocArenas</c> changes the number; 0 leaves glibc's default.
/// </summary>
public static class MallocArenas
{
    // M_ARENA_MAX in glibc's malloc.h.
    private const int ArenaMaxParameter = -8;

    public static void Limit(int arenas)
    {
        if (arenas <= 0 || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = SetMallocOption(ArenaMaxParameter, arenas);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no arenas to limit): nothing to do.
        }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling, and LibraryImport would need unsafe code allowed.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetMallocOption(int parameter, int value);
#pragma warning restore SYSLIB1054
}
