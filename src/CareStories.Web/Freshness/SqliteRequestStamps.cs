using System.Collections.Concurrent;
using System.Data.Common;
using CareStories.Data.SQLite;
using CareStories.Domain.Freshness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Freshness;

/// <summary>
/// On SQLite, the one command most pages start with (the change stamp and the bell, <see cref="SharedContentStamp"/>)
/// run on connections kept open with their statements prepared, instead of through EF Core. Through EF Core that one
/// small command cost about a third of a cached feed page's time: the connection taken from the pool and a dozen
/// functions registered on it again, the SQL parsed and prepared again, the connection given back. Here a request
/// borrows an open connection whose statement is ready, binds the reader's id, steps it and gives it back.
/// <para>
/// Each command is SQLite's own read transaction (autocommit), begun when it runs, so it sees every save committed
/// before it, as EF Core's would; <see cref="SharedContentStamp"/> uses it only when the request holds no transaction
/// of its own (whose writes another connection would not see).
/// </para>
/// <para>
/// Not on PostgreSQL: there the connection comes from Npgsql's pool with nothing to set up and the statement is already
/// prepared on the server (<c>Max Auto Prepare</c>), so the same kept, prepared connections measured no gain (the feed
/// 2,789 req/s and 423 µs of app CPU a request through EF Core, 2,654 and 434 µs on kept connections, back to back).
/// </para>
/// </summary>
public sealed class SqliteRequestStamps(string connectionString, IOptions<SqliteRequestStampsOptions> options) : IDisposable
{
    // Idle connections kept for the next request; more than the requests that read at once on a small machine.
    private const int MostKept = 8;

    // A queue, not a bag: a request's continuation often runs on another thread than the one that gave a lease back,
    // and a bag would then take it from another thread's list under a lock.
    private readonly ConcurrentQueue<Lease> _idle = new();
    private readonly IReadOnlyList<Action<DbCommand>> _observers = [.. options.Value.Observers];
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>The shared stamp and <paramref name="me"/>'s unread notifications.</summary>
    public (long Stamp, int Unread) ReadShared(string me) => Run(
        lease => lease.Shared,
        command => command.Parameters[0].Value = me,
        reader => (reader.GetInt64(0), reader.GetInt32(1)));

    /// <summary>The shared stamp, <paramref name="me"/>'s unread count, and <paramref name="storyId"/>'s two stamps (0 if not made yet).</summary>
    public StoryRequestStamps ReadStory(string me, int storyId) => Run(
        lease => lease.Story,
        command =>
        {
            command.Parameters[0].Value = me;
            command.Parameters[1].Value = StoryStamps.IdOf(storyId);
        },
        reader => new StoryRequestStamps(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3)));

    /// <summary>The shared stamp alone.</summary>
    public long ReadStamp() => Run(lease => lease.Stamp, _ => { }, reader => reader.GetInt64(0));

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var lease))
        {
            lease.Dispose();
        }
    }

    private T Run<T>(Func<Lease, SqliteCommand> pick, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lease = Rent();
        T result;
        try
        {
            var command = pick(lease);
            bind(command);
            foreach (var observe in _observers)
            {
                observe(command);
            }

            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    throw new InvalidOperationException("The change stamp's row is missing: the database's migrations have not been applied.");
                }

                result = read(reader);
            }
        }
        catch
        {
            // A connection that failed mid-command is not trusted with the next one.
            lease.Dispose();
            throw;
        }

        Return(lease);
        return result;
    }

    private Lease Rent()
    {
        if (_idle.TryDequeue(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            return lease;
        }

        return Lease.Open(connectionString);
    }

    private void Return(Lease lease)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MostKept)
        {
            Interlocked.Decrement(ref _idleCount);
            lease.Dispose();
            return;
        }

        _idle.Enqueue(lease);
        if (_disposed && _idle.TryDequeue(out var late))
        {
            late.Dispose();
        }
    }

    /// <summary>One open connection and its three prepared commands; used by one request at a time.</summary>
    private sealed class Lease : IDisposable
    {
        private const string UnreadSql = """(SELECT COUNT(*) FROM "Notifications" AS "n" WHERE "n"."RecipientId" = @me AND "n"."ReadAt" IS NULL)""";

        private readonly SqliteConnection _connection;

        private Lease(SqliteConnection connection)
        {
            _connection = connection;
            Stamp = Prepare($"""SELECT "s"."Value" FROM "ChangeStamps" AS "s" WHERE "s"."Id" = {ChangeStamp.SharedContentId}""");
            Shared = Prepare(
                $"""SELECT "s"."Value", {UnreadSql} FROM "ChangeStamps" AS "s" WHERE "s"."Id" = {ChangeStamp.SharedContentId}""",
                "@me");
            Story = Prepare(
                $"""
                SELECT "s"."Value", {UnreadSql},
                    COALESCE((SELECT "o"."Value" FROM "ChangeStamps" AS "o" WHERE "o"."Id" = {StoryStamps.OtherContentId}), 0),
                    COALESCE((SELECT "t"."Value" FROM "ChangeStamps" AS "t" WHERE "t"."Id" = @story), 0)
                FROM "ChangeStamps" AS "s" WHERE "s"."Id" = {ChangeStamp.SharedContentId}
                """,
                "@me",
                "@story");
        }

        public SqliteCommand Stamp { get; }

        public SqliteCommand Shared { get; }

        public SqliteCommand Story { get; }

        public static Lease Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                connection.Open();
                // What EF Core's connections get as they open (the names' collation, the writer settings), once.
                SqliteTextFunctions.Register(connection);
                SqliteWriterSettings.Apply(connection);
                return new Lease(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Stamp.Dispose();
            Shared.Dispose();
            Story.Dispose();
            _connection.Dispose();
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
            return command;
        }
    }
}

/// <summary>
/// Who watches the commands <see cref="SqliteRequestStamps"/> runs: EF Core's interceptors do not see them, so tests
/// that count a page's SQL commands add themselves here.
/// </summary>
public sealed class SqliteRequestStampsOptions
{
    public List<Action<DbCommand>> Observers { get; } = [];
}
