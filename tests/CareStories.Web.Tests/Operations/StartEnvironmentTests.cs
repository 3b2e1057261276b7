using CareStories.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CareStories.Web.Tests.Operations;

/// <summary>
/// What the app passes to its second start (the restart itself is tested on the built app, in
/// CareStories.ScaleOut.Tests' StartEnvironmentTests).
/// </summary>
public sealed class StartEnvironmentTests
{
    [Fact]
    public void The_new_start_keeps_every_variable_and_sets_each_wanted_one_once()
    {
        var environment = new System.Collections.Hashtable
        {
            ["PATH"] = "/usr/bin",
            ["MALLOC_ARENA_MAX"] = "8",
            ["ConnectionStrings__CareStories"] = "Data Source=a=b.db",
        };

        var result = StartEnvironment.WithVariables(environment, new Dictionary<string, string> { ["MALLOC_ARENA_MAX"] = "2" });

        Assert.Null(result[^1]);
        Assert.Equal(
            ["ConnectionStrings__CareStories=Data Source=a=b.db", "MALLOC_ARENA_MAX=2", "PATH=/usr/bin"],
            result[..^1].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_command_line_is_read_as_the_kernel_keeps_it()
    {
        var arguments = StartEnvironment.CommandLine();

        Assert.NotNull(arguments);
        Assert.Null(arguments[^1]);
        Assert.False(string.IsNullOrEmpty(arguments[0]));
        // The runtime's own view ends the same way: the program's arguments, after the host's.
        var after = Environment.GetCommandLineArgs()[1..];
        Assert.Equal(after, arguments[^(after.Length + 1)..^1]);
    }

    [Fact]
    public void The_app_wants_two_arenas_and_4096_calls_written_as_the_runtime_reads_them_in_hexadecimal()
    {
        var defaults = StartEnvironment.Wanted(new ConfigurationBuilder().Build());
        var changed = StartEnvironment.Wanted(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Memory:MallocArenas"] = "0",
            ["Memory:TieredCompilationCallCount"] = "200",
        }).Build());

        Assert.Equal(new Dictionary<string, string> { ["MALLOC_ARENA_MAX"] = "2", ["DOTNET_TC_CallCountThreshold"] = "1000" }, defaults);
        // The runtime reads DOTNET_ numbers as hexadecimal: 0x1000 is 4,096 calls, 0xC8 is 200.
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_TC_CallCountThreshold"] = "C8" }, changed);
    }

    [Fact]
    public void A_test_host_that_loaded_the_app_is_never_started_again() =>
        Assert.False(StartEnvironment.MayRestart());
}
