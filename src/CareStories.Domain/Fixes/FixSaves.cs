using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Fixes;

/// <summary>Saving a decision on a fix, which two managers (or a manager and the owner) can make at once.</summary>
public static class FixSaves
{
    /// <summary>Saves a change to a fix; a lost race says who changed it first.</summary>
    public static Task SaveFixAsync(this CareStoriesDbContext db, int fixId, CancellationToken cancellationToken = default) =>
        db.SaveOrExplainAsync(async ct => await db.WhoChangedFixAsync(fixId, ct), cancellationToken);

    public static async Task<string?> WhoChangedFixAsync(this CareStoriesDbContext db, int fixId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.FixHistory.AsNoTracking()
            .Where(h => h.FixId == fixId)
            // History is append-only, so the newest entry is the one added last.
            .OrderByDescending(h => h.Id)
            .Select(h => new { h.To, h.At, Name = db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).First() })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : Fix.AlreadyDone(last.Name, last.To, last.At);
    }
}
