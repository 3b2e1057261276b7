using System.Data.Common;
using System.Runtime.CompilerServices;
using CareStories.Domain.Freshness;
using CareStories.Domain.Notifications;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareStories.Web.Freshness;

/// <summary>
/// After a save through this instance that changed stamps or bells (PostgreSQL), announces the save itself
/// (<see cref="PostgresChangeNotices.SavePrefix"/>, after the triggers' announcements of its changes, in its
/// transaction when it has one): this instance's pages read the database until that announcement arrives, and the
/// person who saved gets a <see cref="FreshnessToken"/> so any other instance does the same for them.
/// </summary>
public sealed class ChangeFeedSaves(PostgresChangeFeed feed, IHttpContextAccessor http) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _changing = [];

    // Saves made inside a transaction still open: announced just before it commits, after everything it wrote.
    private readonly ConditionalWeakTable<DbContext, object> _beforeCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Changed(eventData.Context) is { } context && !Deferred(context))
        {
            context.Database.ExecuteSql(Announcement(Announcing()));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Changed(eventData.Context) is { } context && !Deferred(context))
        {
            await context.Database.ExecuteSqlAsync(Announcement(Announcing()), cancellationToken);
        }

        return result;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && _beforeCommit.Remove(context))
        {
            context.Database.ExecuteSql(Announcement(Announcing()));
        }

        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        if (eventData.Context is { } context && _beforeCommit.Remove(context))
        {
            await context.Database.ExecuteSqlAsync(Announcement(Announcing()), cancellationToken);
        }

        return result;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _beforeCommit.Remove(context);
        }
    }

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        ((IDbTransactionInterceptor)this).TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    // A save inside an open transaction (the context's own, for a story's stamps, or a caller's) is announced when that
    // transaction commits, so the announcement follows the stamps written after the save; a save in EF Core's own
    // transaction has committed already and is announced now.
    private bool Deferred(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
        {
            return false;
        }

        _beforeCommit.AddOrUpdate(context, context);
        return true;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _changing.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// For changes to stamps or bells made without a save (<c>ExecuteUpdate</c>): announces them as a save would, in
    /// <paramref name="db"/>'s transaction if it has one.
    /// </summary>
    public async Task ChangedWithoutSaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Deferred(db))
        {
            await db.Database.ExecuteSqlAsync(Announcement(Announcing()), cancellationToken);
        }
    }

    private static FormattableString Announcement(long save)
    {
        var payload = PostgresChangeNotices.SavePayload(save);
        return $"SELECT pg_notify({PostgresChangeNotices.Channel}, {payload})";
    }

    // Called before the announcement is sent, so no page here answers from memory between the save and its arrival.
    private long Announcing()
    {
        var save = PostgresChangeNotices.NewSave();
        feed.Saved(save);
        if (http.HttpContext is { } context)
        {
            // The person who saved sees it next on any instance; a later save in the same request replaces the token.
            new FreshnessToken(save).WriteTo(context);
        }

        return save;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.Entries().Any(ChangesStampOrBell))
        {
            _changing.AddOrUpdate(context, context);
        }
        else
        {
            _changing.Remove(context);
        }
    }

    private DbContext? Changed(DbContext? context) => context is not null && _changing.Remove(context) ? context : null;

    private static bool ChangesStampOrBell(EntityEntry entry) => entry.Entity switch
    {
        ChangeStamp => entry.State is EntityState.Added or EntityState.Modified,
        Notification => entry.State switch
        {
            EntityState.Added or EntityState.Deleted => true,
            EntityState.Modified => entry.Property(nameof(Notification.ReadAt)).IsModified || entry.Property(nameof(Notification.RecipientId)).IsModified,
            _ => false,
        },
        _ => false,
    };
}
