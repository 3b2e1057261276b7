using System.Data.Common;
using Npgsql;

namespace CareStories.Data.PostgreSQL;

/// <summary>
/// Settings every PostgreSQL session of the app starts with: server settings sent in the connection's start-up packet
/// (Npgsql's <c>Options</c>), so they cost no command, and how Npgsql's pool treats a connection between requests. A
/// setting the connection string already gives is left as given, so an operator can turn each one back.
/// </summary>
public static class PostgresSessionSettings
{
    /// <summary>
    /// Returns <paramref name="connectionString"/> with the app's defaults added where it says nothing:
    /// <list type="bullet">
    /// <item><c>jit = off</c>: PostgreSQL compiles a query to machine code once its estimated cost passes
    /// <c>jit_above_cost</c> (100,000), which the Insights commands over a year of stories do; the compilation costs
    /// tens of milliseconds each time (54 ms for the applause trend on the benchmark's data, more than the query
    /// after its rewrite), is not kept between executions, and pays back only on queries that run for seconds.</item>
    /// <item><c>max_parallel_workers_per_gather = 0</c>: no query is split over parallel worker processes. PostgreSQL
    /// would do it for the Insights commands over a year (the people recognised, the review waits), starting two
    /// workers for each; on a small machine already answering other requests (and Insights' own three parts side by
    /// side) the workers only compete for the same cores, and starting them costs more than they save: the whole
    /// company's year, its parts read one after the other, took 578 ms of commands without them against 662 with
    /// them (coverage 115 → 87 ms, review waits 124 → 78) on the benchmark's data.</item>
    /// <item><c>No Reset On Close</c>: a connection going back to Npgsql's pool is not reset (by default the next use
    /// first runs <c>DISCARD ALL</c>, or with prepared statements a longer list of <c>RESET</c> and <c>CLOSE</c>
    /// commands, on every request). The app sets no session state that could leak to the next request: its one
    /// session-level lock, <see cref="MigrationGate"/>'s advisory lock, is released in a <c>finally</c>, and an open
    /// transaction is still rolled back when a connection is closed.</item>
    /// <item><c>Max Auto Prepare</c> 64 after 2 uses: the commands a connection keeps running (the feed's stamp and
    /// bell, the story page's, the sign-in cookie's checks) become server-side prepared statements, parsed and planned
    /// once per connection instead of on every request. The schema changes only through migrations, which run before
    /// the app serves a request.</item>
    /// <item><c>plan_cache_mode = force_custom_plan</c>: a prepared statement is still planned for its parameters on
    /// every execution. After five executions PostgreSQL may otherwise switch to one generic plan, blind to the values:
    /// for search's "newest 2,000 matches" that plan took 108 ms (p50) where the planned one takes 19 ms.</item>
    /// </list>
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options ?? string.Empty;
        if (!options.Contains("jit", StringComparison.OrdinalIgnoreCase))
        {
            options = (options + " -c jit=off").Trim();
        }

        if (!options.Contains("max_parallel_workers_per_gather", StringComparison.OrdinalIgnoreCase))
        {
            options = (options + " -c max_parallel_workers_per_gather=0").Trim();
        }

        if (!options.Contains("plan_cache_mode", StringComparison.OrdinalIgnoreCase))
        {
            options = (options + " -c plan_cache_mode=force_custom_plan").Trim();
        }

        builder.Options = options;

        var given = Keywords(connectionString);
        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("autoprepareminusages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>The keywords a connection string gives, lower case without spaces ("No Reset On Close" is "noresetonclose").</summary>
    private static HashSet<string> Keywords(string connectionString)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }
}
