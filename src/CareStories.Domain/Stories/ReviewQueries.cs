using CareStories.Domain.Data;

namespace CareStories.Domain.Stories;

/// <summary>The review queue's filters, shared by the queue and the manager's home page.</summary>
public static class ReviewQueries
{
    /// <summary>
    /// Stories waiting for review that belong in this person's queue: every one for an Admin; for a manager, those
    /// tagged with a team they manage or written by someone in such a team (<see cref="StoryAccess.ReviewTeamIds"/>).
    /// It includes stories the person wrote or is credited in, which they may see but not review.
    /// </summary>
    /// <remarks>
    /// The queue walks every waiting story in the company, in the order it shows them, and keeps this person's: so it
    /// tests each against the stories tagged with their teams and the people in their teams, each read once
    /// (<see cref="StoryAccess.ReviewedByManagersOf(IQueryable{int}, IQueryable{StoryTeam}, IQueryable{TeamMembership})"/>).
    /// </remarks>
    public static IQueryable<Story> WaitingForReviewBy(
        this IQueryable<Story> stories, CareStoriesDbContext db, string personId, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = stories.Where(s => s.Status == StoryStatus.Submitted);
        var managed = db.TeamMemberships.Where(m => m.PersonId == personId && m.IsManager).Select(m => m.TeamId);
        return isAdmin ? waiting : waiting.Where(StoryAccess.ReviewedByManagersOf(managed, db.Set<StoryTeam>(), db.TeamMemberships));
    }

    /// <summary>Leaves out stories this person wrote or is credited in: nobody reviews their own praise.</summary>
    public static IQueryable<Story> NotInvolving(this IQueryable<Story> stories, string personId) =>
        stories.Where(s => s.AuthorId != personId && !s.Heroes.Any(h => h.PersonId == personId));
}
