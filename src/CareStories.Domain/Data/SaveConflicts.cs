using CareStories.Domain.Thanks;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Data;

/// <summary>
/// Saves that can lose a race: two people deciding the same thing at once. The database refuses the second (a
/// concurrency token or a unique key); these turn that refusal into a message that says who got there first.
/// </summary>
public static class SaveConflicts
{
    /// <summary>
    /// Saves; when the database refuses because someone else saved first, forgets the refused changes and throws a
    /// <see cref="DomainException"/> with the reason <paramref name="explain"/> reads from the database. When it finds
    /// none (null), the original error stands.
    /// </summary>
    public static async Task SaveOrExplainAsync(
        this CareStoriesDbContext db, Func<CancellationToken, Task<string?>> explain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(explain);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // What is tracked is what lost; the explanation and the page shown next read what won.
            db.ChangeTracker.Clear();
            if (await explain(cancellationToken) is { } reason)
            {
                throw new DomainException(reason);
            }

            throw;
        }
    }

    /// <summary>Saves a change to a story; a lost race says who changed it first ("Sam Okafor already published …").</summary>
    public static Task SaveStoryAsync(this CareStoriesDbContext db, int storyId, CancellationToken cancellationToken = default) =>
        db.SaveOrExplainAsync(async ct => await db.WhoChangedStoryAsync(storyId, ct), cancellationToken);

    /// <summary>Saves a decision on a thank-you; a lost race says who decided it first.</summary>
    public static Task SaveThanksAsync(this CareStoriesDbContext db, int thanksId, CancellationToken cancellationToken = default) =>
        db.SaveOrExplainAsync(async ct => await db.WhoDecidedThanksAsync(thanksId, ct), cancellationToken);

    public static async Task<string?> WhoChangedStoryAsync(this CareStoriesDbContext db, int storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.StoryStatusChanges.AsNoTracking()
            .Where(h => h.StoryId == storyId)
            // History is append-only, so the newest entry is the one added last.
            .OrderByDescending(h => h.Id)
            .Select(h => new { h.To, h.At, Name = db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).First() })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : StoryStatusChange.AlreadyDone(last.Name, last.To, last.At);
    }

    public static async Task<string?> WhoDecidedThanksAsync(this CareStoriesDbContext db, int thanksId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var decided = await db.CustomerThanks.AsNoTracking()
            .Where(t => t.Id == thanksId && t.DecidedAt != null)
            .Select(t => new { t.Status, At = t.DecidedAt!.Value, Name = t.DecidedBy!.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        return decided is null ? null : CustomerThanks.AlreadyDecided(decided.Name, decided.Status, decided.At);
    }

    /// <summary>Why featuring this story lost a race: another leader featured it, or took the last free slot.</summary>
    public static async Task<string?> WhyNotFeaturedAsync(this CareStoriesDbContext db, int storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.FeaturedStories.AnyAsync(f => f.StoryId == storyId, cancellationToken)
            ? FeaturedStory.AlreadyFeatured
            : FeaturedStory.LimitReached;
    }
}
