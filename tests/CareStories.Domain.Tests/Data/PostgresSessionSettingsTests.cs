using CareStories.Data.PostgreSQL;
using Npgsql;

namespace CareStories.Domain.Tests.Data;

/// <summary>Every PostgreSQL session starts without JIT and without parallel workers, unless the connection string says otherwise.</summary>
public sealed class PostgresSessionSettingsTests
{
    [Fact]
    public void A_session_starts_with_jit_and_parallel_workers_off()
    {
        var options = new NpgsqlConnectionStringBuilder(PostgresSessionSettings.Apply("Host=127.0.0.1;Database=never_opened")).Options;

        Assert.Equal("-c jit=off -c max_parallel_workers_per_gather=0", options);
    }

    [Fact]
    public void A_setting_the_connection_string_gives_is_left_as_given()
    {
        var options = new NpgsqlConnectionStringBuilder(PostgresSessionSettings.Apply(
            "Host=127.0.0.1;Database=never_opened;Options=-c max_parallel_workers_per_gather=2")).Options;

        Assert.Equal("-c max_parallel_workers_per_gather=2 -c jit=off", options);
    }
}
