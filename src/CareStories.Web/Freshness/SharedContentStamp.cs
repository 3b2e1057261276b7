using CareStories.Domain.Freshness;

namespace CareStories.Web.Freshness;

/// <summary>
/// The database's <see cref="ChangeStamp"/> as this request sees it, read at most once per request (one small SQL
/// command, compiled once). Read it before reading anything it guards: data read afterwards is at least as new as
/// the stamp, so a cache entry filed under it is never older than what the stamp promises.
/// </summary>
public sealed class SharedContentStamp(CareStoriesDbContext db)
{
    private static readonly Func<CareStoriesDbContext, CancellationToken, Task<long>> Read = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, CancellationToken cancellationToken) =>
            db.ChangeStamps.Where(s => s.Id == ChangeStamp.SharedContentId).Select(s => s.Value).First());

    private long? _value;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken) =>
        _value ??= await Read(db, cancellationToken);
}
