using System.Globalization;
using CareStories.Data;
using CareStories.Domain.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareStories.Benchmark;

/// <summary>
/// The generated database of one size on one provider: an SQLite file in artifacts/benchmark, or a PostgreSQL
/// database named after the sizes on the server <c>--postgres</c> names. A PostgreSQL one is filled under a scratch
/// name and renamed at the end, so a fill stopped half-way is never mistaken for one to reuse.
/// </summary>
public sealed class BenchmarkDatabase
{
    /// <summary>The server when neither <c>--postgres</c> nor CARESTORIES_TEST_POSTGRES says another.</summary>
    public const string DefaultPostgresServer = "Host=127.0.0.1;Username=carestories;Password=carestories";

    private const string FillingSuffix = "_filling";

    private readonly string? _file;
    private readonly string? _server;

    private BenchmarkDatabase(DatabaseProvider provider, string name, string connectionString, string? file, string? server)
    {
        Provider = provider;
        Name = name;
        ConnectionString = connectionString;
        _file = file;
        _server = server;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The file's path or the database's name: what the log may show (never the password).</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public static BenchmarkDatabase For(DatabaseProvider provider, string folder, int stories, int people, string postgresServer)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var name = PostgresName(stories, people);
            var builder = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name };
            return new BenchmarkDatabase(provider, $"PostgreSQL database {name} on {builder.Host}", builder.ConnectionString, null, postgresServer);
        }

        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"carestories-{stories}-{people}.db"));
        return new BenchmarkDatabase(provider, file, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), file, null);
    }

    public static string PostgresName(int stories, int people) =>
        string.Create(CultureInfo.InvariantCulture, $"carestories_bench_{stories}_{people}");

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken) =>
        _file is not null ? File.Exists(_file) : await ServerScalarAsync($"SELECT COUNT(*) FROM pg_database WHERE datname = '{Database}'", cancellationToken) > 0;

    /// <summary>Removes any earlier copy and makes an empty database to fill; returns the connection string to fill through.</summary>
    public async Task<string> BeginFillAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
        {
            DeleteSqliteFile(_file);
            return ConnectionString;
        }

        await ServerExecuteAsync($"""DROP DATABASE IF EXISTS "{Database}" WITH (FORCE)""", cancellationToken);
        await ServerExecuteAsync($"""DROP DATABASE IF EXISTS "{Database}{FillingSuffix}" WITH (FORCE)""", cancellationToken);
        await ServerExecuteAsync($"""CREATE DATABASE "{Database}{FillingSuffix}" """, cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = Database + FillingSuffix }.ConnectionString;
    }

    /// <summary>Gives the filled database its name, now that it is whole.</summary>
    public async Task EndFillAsync(CancellationToken cancellationToken)
    {
        ClearPools();
        if (_file is null)
        {
            await ServerExecuteAsync($"""ALTER DATABASE "{Database}{FillingSuffix}" RENAME TO "{Database}" """, cancellationToken);
        }
    }

    public void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    public async Task<GeneratedData> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = CareStoriesDatabase.Create(Provider, ConnectionString);
        var stories = await db.Stories.CountAsync(cancellationToken);
        var published = await db.Stories.CountAsync(s => s.Status == StoryStatus.Published, cancellationToken);
        var people = await db.Users.CountAsync(cancellationToken);
        var teams = await db.Teams.CountAsync(cancellationToken);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Provider == DatabaseProvider.PostgreSQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            rows += Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return new GeneratedData(stories, published, people, teams, rows, TimeSpan.Zero, DataGenerator.ReaderEmail, DataGenerator.Password);
    }

    /// <summary>
    /// Renews Insights' history stamp as a change to a month already over would (the same upsert the app writes), so
    /// the app reads every month of the next Insights page from the database again.
    /// </summary>
    public async Task RenewInsightsHistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = CareStoriesDatabase.Create(Provider, ConnectionString);
        var value = Random.Shared.NextInt64(1, long.MaxValue);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ChangeStamps" ("Id", "Value") VALUES ({CareStories.Domain.Insights.InsightsHistory.StampId}, {value}) ON CONFLICT ("Id") DO UPDATE SET "Value" = excluded."Value" """,
            cancellationToken);
    }

    /// <summary>Drops the database (the file and its journals, or the PostgreSQL database).</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        ClearPools();
        if (_file is not null)
        {
            DeleteSqliteFile(_file);
        }
        else
        {
            await ServerExecuteAsync($"""DROP DATABASE IF EXISTS "{Database}" WITH (FORCE)""", cancellationToken);
        }
    }

    private string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    private static void DeleteSqliteFile(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
    }

    /// <summary>The server's own "postgres" database: where databases are made, renamed and dropped.</summary>
    private NpgsqlConnection Server() =>
        new(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);

    private async Task ServerExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Server();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> ServerScalarAsync(string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Server();
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException ex)
        {
            throw new BenchmarkException($"Cannot reach the PostgreSQL server ({ex.Message}); give its connection string with --postgres.");
        }
    }
}
