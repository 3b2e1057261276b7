using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Fixes;

/// <summary>The few facts about a fix that decide who may act on it.</summary>
/// <param name="ManagerIds">The owning team's active managers.</param>
public sealed record FixFacts(int FixId, int TeamId, string? OwnerId, FixStatus Status, IReadOnlyCollection<string> ManagerIds, IReadOnlyCollection<string> CreditedIds)
{
    public FixActor ActorFor(string personId) => new(personId, FixAccess.CanDecide(this, personId));
}

/// <summary>
/// Who may do what with a fix. Fixes are shared with everyone signed in (they are raised from published stories or
/// as ideas anyone can see); only the owning team's managers accept or decline; the owner or those managers move it on.
/// </summary>
public static class FixAccess
{
    public static bool CanDecide(FixFacts fix, string personId) => fix.ManagerIds.Contains(personId);

    public static bool CanMove(FixFacts fix, string personId) => CanDecide(fix, personId) || fix.OwnerId == personId;

    /// <summary>A fix's facts in one command, or null when there is no such fix.</summary>
    public static Task<FixFacts?> FixFactsAsync(this CareStoriesDbContext db, int fixId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Fixes.AsNoTracking()
            .Where(f => f.Id == fixId)
            .Select(f => new FixFacts(
                f.Id,
                f.TeamId,
                f.OwnerId,
                f.Status,
                db.TeamMemberships.Where(m => m.TeamId == f.TeamId && m.IsManager && m.Person.DeactivatedAt == null).Select(m => m.PersonId).ToList(),
                f.Credits.Select(c => c.PersonId).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
