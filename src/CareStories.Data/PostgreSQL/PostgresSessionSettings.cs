using Npgsql;

namespace CareStories.Data.PostgreSQL;

/// <summary>
/// Settings every PostgreSQL session of the app starts with, sent in the connection's start-up packet (Npgsql's
/// <c>Options</c>), so they cost no command. A setting the connection string already gives is left as given.
/// </summary>
public static class PostgresSessionSettings
{
    /// <summary>
    /// <c>jit = off</c>: PostgreSQL compiles a query to machine code once its estimated cost passes
    /// <c>jit_above_cost</c> (100,000), which the Insights commands over a year of stories do; the compilation costs
    /// tens of milliseconds each time (54 ms for the applause trend on the benchmark's data, more than the query
    /// after its rewrite), is not kept between executions, and pays back only on queries that run for seconds.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = builder.Options ?? string.Empty;
        if (!options.Contains("jit", StringComparison.OrdinalIgnoreCase))
        {
            builder.Options = (options + " -c jit=off").Trim();
        }

        return builder.ConnectionString;
    }
}
