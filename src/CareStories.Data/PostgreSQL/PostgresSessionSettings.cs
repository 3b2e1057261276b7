using Npgsql;

namespace CareStories.Data.PostgreSQL;

/// <summary>
/// Settings every PostgreSQL session of the app starts with, sent in the connection's start-up packet (Npgsql's
/// <c>Options</c>), so they cost no command. A setting the connection string already gives is left as given.
/// </summary>
public static class PostgresSessionSettings
{
    private static readonly (string Name, string Value)[] Settings =
    [
        ("jit", "off"),
        ("max_parallel_workers_per_gather", "0"),
    ];

    /// <summary>
    /// <c>jit = off</c>: PostgreSQL compiles a query to machine code once its estimated cost passes
    /// <c>jit_above_cost</c> (100,000), which the Insights commands over a year of stories do; the compilation costs
    /// tens of milliseconds each time (54 ms for the applause trend on the benchmark's data, more than the query
    /// after its rewrite), is not kept between executions, and pays back only on queries that run for seconds.
    /// <para>
    /// <c>max_parallel_workers_per_gather = 0</c>: no parallel workers for one query. The app already runs its
    /// heaviest page (Insights) as two halves on two connections side by side, and serves other people meanwhile; a
    /// query's workers then compete with those for the same cores and add start-up and gathering on top. Measured on
    /// the benchmark's two cores (section "Insights on PostgreSQL, third step" of docs/performance.md).
    /// </para>
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options ?? string.Empty;
        foreach (var (name, value) in Settings)
        {
            if (!options.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                options = $"{options} -c {name}={value}".Trim();
            }
        }

        builder.Options = options;
        return builder.ConnectionString;
    }
}
