using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Data;

/// <summary>
/// Applies the migrations with only one instance at a time doing it. EF Core's own migration lock did not hold on
/// PostgreSQL when two instances started together on an empty database (the second one re-applied an index the first
/// had just made and stopped), so on PostgreSQL the whole run is wrapped in a session advisory lock: the second instance
/// waits, then finds nothing pending. SQLite serialises writers itself and EF Core's lock table covers it.
/// </summary>
public static class MigrationGate
{
    // Any fixed number names the lock; this one is "CareStor" read as ASCII, so it will not collide by chance.
    private const long LockKey = 0x43617265_53746F72;

    public static async Task MigrateOneAtATimeAsync(this CareStoriesDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Dialect != SqlDialect.PostgreSQL)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        // The lock belongs to the session, so the migrations must run on this same open connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
