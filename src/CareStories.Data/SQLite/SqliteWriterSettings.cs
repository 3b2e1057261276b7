using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareStories.Data.SQLite;

/// <summary>
/// How each connection the app opens waits for SQLite's one writer lock and how much a commit costs; set as each
/// connection opens (these settings belong to the connection, not the file).
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds another mid-save is retried by SQLite itself, within a millisecond
/// or a few of the lock coming free. Without it SQLite answers "busy" at once and Microsoft.Data.Sqlite retries the
/// command after <c>Thread.Sleep(150)</c>, blocking the request's thread: every write that met another paid at least
/// 150 ms, which made the mixed run's write p99.</item>
/// <item><c>synchronous = NORMAL</c>: in write-ahead-log mode a commit then appends to the log without waiting for the
/// disk (the log is synced at each checkpoint), so the writer lock is held for the transaction's work only. The
/// database cannot be corrupted this way; a power cut may lose the last commits before the checkpoint, which is
/// SQLite's recommended setting for WAL.</item>
/// <item><c>cache_size = -1024</c>: each connection's page cache holds at most 1 MB instead of SQLite's default 2 MB.
/// The pool keeps every connection it ever needed at once (some 20-30 under the benchmark's load), each with its own
/// cache filled from a database far larger than it, so the caches were tens of megabytes of the app's peak memory;
/// pages it no longer holds come from the operating system's file cache.</item>
/// </list>
/// </summary>
public sealed class SqliteWriterSettings : DbConnectionInterceptor
{
    public static readonly SqliteWriterSettings Instance = new();

    /// <summary>How long a writer waits for another's save before the command fails with "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private SqliteWriterSettings()
    {
    }

    // The settings stay with SQLite's own connection, which Microsoft.Data.Sqlite's pool keeps open between uses: set
    // them once per such connection, not on every open of a pooled one (an extra command on every request).
    private static readonly ConditionalWeakTable<object, object> Done = [];

    /// <summary>Applies the settings to one open connection (one opened outside EF Core, as <see cref="SqliteTextFunctions.Register"/>).</summary>
    public static void Apply(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Handle is not { } handle || Done.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -1024;";
        command.ExecuteNonQuery();
        Done.AddOrUpdate(handle, Done);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            Apply(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
