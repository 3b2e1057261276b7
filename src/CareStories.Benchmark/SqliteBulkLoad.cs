using System.Data.Common;
using CareStories.Domain.Data;

namespace CareStories.Benchmark;

/// <summary>
/// Makes an SQLite file fast to fill and puts it back as the migrations left it. During the fill the secondary
/// indexes and the triggers (the search index's among them) are dropped: SQLite then appends rows instead of
/// updating a dozen B-trees and re-reading a story's search row for every hero, team, value and quote. Afterwards
/// every index and trigger is created again from the very SQL the migrations stored in <c>sqlite_master</c>, and the
/// search index is rebuilt once through the app's own <see cref="StorySearchIndex.RebuildAll"/>.
/// </summary>
internal sealed class SqliteBulkLoad : IBulkLoad
{
    private readonly DbConnection _connection;
    private readonly List<SchemaObject> _suspended;
    private readonly string _journalMode;

    private SqliteBulkLoad(DbConnection connection, List<SchemaObject> suspended, string journalMode)
    {
        _connection = connection;
        _suspended = suspended;
        _journalMode = journalMode;
    }

    /// <summary>One index or trigger as the migrations created it.</summary>
    internal sealed record SchemaObject(string Type, string Name, string Sql);

    public static async Task<SqliteBulkLoad> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var journalMode = (string)(await ScalarAsync(connection, "PRAGMA journal_mode", cancellationToken))!;

        // If the machine fails half-way the benchmark starts again from nothing, so nothing needs to survive a crash.
        await ExecuteAsync(connection, """
            PRAGMA synchronous = OFF;
            PRAGMA journal_mode = MEMORY;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -262144;
            PRAGMA foreign_keys = OFF;
            """, cancellationToken);

        var suspended = new List<SchemaObject>();
        await using (var command = connection.CreateCommand())
        {
            // Automatic indexes (primary keys, UNIQUE constraints) have no SQL and stay: rows still need their keys.
            command.CommandText = """
                SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                suspended.Add(new SchemaObject(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var item in suspended)
        {
            await ExecuteAsync(connection, $"DROP {item.Type.ToUpperInvariant()} \"{item.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        }

        return new SqliteBulkLoad(connection, suspended, journalMode);
    }

    /// <summary>How many indexes and triggers were taken away for the fill.</summary>
    public int Suspended => _suspended.Count;

    /// <summary>Indexes first (the search rebuild reads through them), then the search index, then the triggers.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        foreach (var index in _suspended.Where(o => o.Type == "index"))
        {
            await ExecuteAsync(_connection, index.Sql, cancellationToken);
        }

        await ExecuteAsync(_connection, StorySearchIndex.RebuildAll, cancellationToken);
        foreach (var trigger in _suspended.Where(o => o.Type == "trigger"))
        {
            await ExecuteAsync(_connection, trigger.Sql, cancellationToken);
        }

        // Foreign keys were not checked row by row during the fill; every one is checked here, once.
        await using (var check = _connection.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                throw new BenchmarkException(
                    $"The generated data breaks a foreign key: a row of {reader.GetString(0)} names a missing row of {reader.GetString(2)}.");
            }
        }

        await ExecuteAsync(_connection, $"PRAGMA journal_mode = {_journalMode}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
