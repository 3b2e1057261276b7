namespace CareStories.Web.Freshness;

/// <summary>
/// SQLite in write-ahead-log mode: readers never wait for a writer and a writer never waits for readers, so the feed
/// keeps answering while applause and comments are saved. The mode is stored in the database file, so setting it at
/// every start is cheap and also covers a database copied in from elsewhere. Writers still take turns; a writer that
/// finds another mid-save waits for it (Microsoft.Data.Sqlite retries a busy database for the command timeout,
/// 30 seconds by default) rather than failing with "database is locked".
/// </summary>
public static class SqliteWriteAhead
{
    public static async Task UseWriteAheadLogAsync(this CareStoriesDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            // An in-memory database answers "memory" and stays as it is.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
    }
}
