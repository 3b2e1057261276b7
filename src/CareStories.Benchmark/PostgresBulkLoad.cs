using System.Globalization;
using CareStories.Domain.Data;
using Npgsql;

namespace CareStories.Benchmark;

/// <summary>
/// The PostgreSQL counterpart of <see cref="SqliteBulkLoad"/>: makes a freshly migrated database fast to fill with
/// binary COPY and puts it back as the migrations left it. For the fill the foreign keys and the secondary indexes are
/// dropped (primary keys and unique constraints stay) and the search index's triggers are disabled. Afterwards every
/// index and key is created again from the definitions PostgreSQL itself printed for them, the search index is filled
/// in one statement (<see cref="PostgresStorySearchIndex.RebuildAll"/>) before its GIN index is built, the identity
/// sequences continue after the rows the fill wrote with ids of its own, and VACUUM ANALYZE leaves the planner
/// statistics and a visibility map as a long-running database would have.
/// </summary>
internal sealed class PostgresBulkLoad : IBulkLoad
{
    /// <summary>Id ranges the search documents are made in; a few more than cores, so one slow range does not hold up the rest.</summary>
    private const int SearchSlices = 8;

    private readonly NpgsqlConnection _connection;
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys;
    private readonly List<(string Table, string Definition)> _indexes;
    private readonly List<string> _triggerTables;

    private PostgresBulkLoad(
        NpgsqlConnection connection, List<(string, string, string)> foreignKeys, List<(string, string)> indexes, List<string> triggerTables)
    {
        _connection = connection;
        _foreignKeys = foreignKeys;
        _indexes = indexes;
        _triggerTables = triggerTables;
    }

    public int Suspended => _foreignKeys.Count + _indexes.Count + _triggerTables.Count;

    public static async Task<PostgresBulkLoad> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Nothing needs to survive a crash half-way: the benchmark starts again from nothing.
        await ExecuteAsync(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'", cancellationToken);
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        await foreach (var row in RowsAsync(connection, """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace ORDER BY 1, 2
            """, cancellationToken))
        {
            foreignKeys.Add((row[0], row[1], row[2]));
        }

        // Indexes that back a primary key, a unique or an exclusion constraint stay: rows still need their keys.
        var indexes = new List<(string Table, string Definition)>();
        await foreach (var row in RowsAsync(connection, """
            SELECT t.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_class x ON x.oid = i.indexrelid
            WHERE t.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
            ORDER BY t.relname, x.relname
            """, cancellationToken))
        {
            indexes.Add((row[0], row[1]));
        }

        var triggerTables = new List<string>();
        await foreach (var row in RowsAsync(connection, """
            SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace ORDER BY 1
            """, cancellationToken))
        {
            triggerTables.Add(row[0]);
        }

        foreach (var (table, name, _) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        }

        await ExecuteAsync(connection, string.Concat(indexes.Select(i => $"DROP INDEX {IndexName(i.Definition)};")), cancellationToken);
        foreach (var table in triggerTables)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DISABLE TRIGGER USER", cancellationToken);
        }

        return new PostgresBulkLoad(connection, foreignKeys, indexes, triggerTables);
    }

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        // The search rows are read through the other tables' indexes, and go in faster before their own GIN index.
        // Indexes are built, and the search documents made, on a connection per core side by side.
        await InParallelAsync(_indexes.Where(i => i.Table != PostgresStorySearchIndex.Table).Select(i => i.Definition), cancellationToken);
        await ExecuteAsync(_connection, $"""TRUNCATE "{PostgresStorySearchIndex.Table}" """, cancellationToken);
        int lastStory;
        await using (var last = new NpgsqlCommand("""SELECT COALESCE(MAX("Id"), 0) FROM "Stories" """, _connection))
        {
            lastStory = Convert.ToInt32(await last.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var step = (lastStory / SearchSlices) + 1;
        await InParallelAsync(
            Enumerable.Range(0, SearchSlices).Select(i => PostgresStorySearchIndex.IndexRange((i * step) + 1, ((i + 1) * step) + 1)), cancellationToken);
        await InParallelAsync(_indexes.Where(i => i.Table == PostgresStorySearchIndex.Table).Select(i => i.Definition), cancellationToken);

        foreach (var table in _triggerTables)
        {
            await ExecuteAsync(_connection, $"ALTER TABLE {table} ENABLE TRIGGER USER", cancellationToken);
        }

        // Adding a key checks every row once, as SQLite's foreign_key_check does after its fill.
        foreach (var (table, name, definition) in _foreignKeys)
        {
            try
            {
                await ExecuteAsync(_connection, $"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition}", cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new BenchmarkException($"The generated data breaks a foreign key of {table}: {ex.MessageText} {ex.Detail}");
            }
        }

        await ResetIdentitiesAsync(_connection, cancellationToken);
        await ExecuteAsync(_connection, "VACUUM (ANALYZE)", cancellationToken);
    }

    /// <summary>Runs the statements on as many connections as the machine has cores, each statement on one of them.</summary>
    private async Task InParallelAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(statements);
        var workers = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, Math.Max(1, queue.Count))).Select(async _ =>
        {
            // A clone keeps the password, which the connection string of an open connection no longer shows.
            await using var connection = _connection.CloneWith(_connection.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'", cancellationToken);
            while (queue.TryDequeue(out var sql))
            {
                await ExecuteAsync(connection, sql, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>Sets every identity column's sequence to continue after the largest id its table holds.</summary>
    public static async Task ResetIdentitiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = new List<(string Table, string Column)>();
        await foreach (var row in RowsAsync(connection, """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY 1, 2
            """, cancellationToken))
        {
            columns.Add((row[0], row[1]));
        }

        foreach (var (table, column) in columns)
        {
            var literal = Quote(table).Replace("'", "''", StringComparison.Ordinal);
            await ExecuteAsync(connection, $"""
                SELECT setval(pg_get_serial_sequence('{literal}', '{column.Replace("'", "''", StringComparison.Ordinal)}'),
                    COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}
                """, cancellationToken);
        }
    }

    private static string IndexName(string definition)
    {
        // pg_get_indexdef prints CREATE [UNIQUE] INDEX name ON ...; the name is quoted when it needs to be.
        var afterIndex = definition[(definition.IndexOf(" INDEX ", StringComparison.Ordinal) + 7)..];
        return afterIndex[..afterIndex.IndexOf(" ON ", StringComparison.Ordinal)];
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<string[]> RowsAsync(
        NpgsqlConnection connection, string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            yield return row;
        }
    }
}

/// <summary>A database made fast to fill for a while; <see cref="EndAsync"/> puts it back as the migrations made it.</summary>
internal interface IBulkLoad
{
    /// <summary>How many indexes, keys and triggers were taken away for the fill.</summary>
    int Suspended { get; }

    Task EndAsync(CancellationToken cancellationToken);
}
