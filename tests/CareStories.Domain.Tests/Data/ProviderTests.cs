using CareStories.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Tests.Data;

/// <summary>Both databases are built from the one model: each has its migrations, chosen by the setting's name.</summary>
public sealed class ProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSQL, "Host=127.0.0.1;Database=never_opened")]
    public void Every_model_change_has_a_migration_for_each_database(DatabaseProvider provider, string connectionString)
    {
        // Comparing the model with the provider's snapshot needs no server.
        using var db = CareStoriesDatabase.Create(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes with no {provider} migration: run scripts/add-migration NAME.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_SQLite_migrations_keep_the_ids_existing_databases_recorded()
    {
        using var db = CareStoriesDatabase.Create(DatabaseProvider.Sqlite, "Data Source=:memory:");

        Assert.Equal("20261122130145_Initial", db.Database.GetMigrations().First());
        Assert.Contains("20261202044441_Insights", db.Database.GetMigrations());
    }

    [Fact]
    public async Task Every_SQLite_connection_waits_for_the_writer_lock_and_keeps_it_after_a_pooled_reopen()
    {
        var file = Path.Combine(Path.GetTempPath(), $"carestories-writer-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = CareStoriesDatabase.Create(DatabaseProvider.Sqlite, $"Data Source={file}");
            for (var open = 0; open < 3; open++)
            {
                await db.Database.OpenConnectionAsync();
                Assert.Equal(30_000, await ScalarAsync(db, "PRAGMA busy_timeout"));
                Assert.Equal(1, await ScalarAsync(db, "PRAGMA synchronous")); // NORMAL
                Assert.Equal(-1024, await ScalarAsync(db, "PRAGMA cache_size")); // 1 MB of page cache a connection
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void A_PostgreSQL_session_is_not_reset_prepares_what_it_repeats_and_starts_no_jit_or_parallel_workers()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(
            CareStories.Data.PostgreSQL.PostgresSessionSettings.Apply("Host=127.0.0.1;Database=never_opened"));

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal("-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan", settings.Options);
    }

    [Fact]
    public void A_PostgreSQL_setting_the_connection_string_gives_is_kept()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(CareStories.Data.PostgreSQL.PostgresSessionSettings.Apply(
            "Host=127.0.0.1;Database=never_opened;No Reset On Close=false;maxautoprepare=0;Auto Prepare Min Usages=5;Options=-c jit=on -c max_parallel_workers_per_gather=2 -c plan_cache_mode=auto"));

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(5, settings.AutoPrepareMinUsages);
        Assert.Equal("-c jit=on -c max_parallel_workers_per_gather=2 -c plan_cache_mode=auto", settings.Options);
    }

    private static async Task<long> ScalarAsync(CareStories.Domain.Data.CareStoriesDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SQLite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSQL)]
    [InlineData(" postgres ", DatabaseProvider.PostgreSQL)]
    public void The_provider_setting_is_read_as_people_write_it(string? setting, DatabaseProvider expected) =>
        Assert.Equal(expected, CareStoriesDatabase.ParseProvider(setting));

    [Fact]
    public void An_unknown_provider_is_refused_with_the_ones_allowed()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => CareStoriesDatabase.ParseProvider("Oracle"));

        Assert.Contains("Sqlite (the default) or PostgreSQL", refused.Message, StringComparison.Ordinal);
    }
}
