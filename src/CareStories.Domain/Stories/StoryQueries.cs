using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Stories;

/// <summary>Filters that more than one page needs.</summary>
public static class StoryQueries
{
    /// <summary>
    /// Stories someone else wrote are listed to a hero only once they have been shared; drafts stay private.
    /// </summary>
    public static IQueryable<Story> MineToList(this IQueryable<Story> stories, string personId) =>
        stories.Where(s => s.AuthorId == personId
            || (s.Status != StoryStatus.Draft && s.Heroes.Any(h => h.PersonId == personId)));

    public static Task<StoryAccessFacts?> AccessFactsAsync(
        this IQueryable<Story> stories, int storyId, CancellationToken cancellationToken = default) =>
        stories.AccessFactsAsync(storyId, onlyToRead: false, cancellationToken);

    /// <summary>
    /// The story's access facts. Its review teams are a second command, left out when the facts are
    /// <paramref name="onlyToRead"/> a story everyone reads (a published story's page, its photos).
    /// </summary>
    public static async Task<StoryAccessFacts?> AccessFactsAsync(
        this IQueryable<Story> stories, int storyId, bool onlyToRead, CancellationToken cancellationToken = default)
    {
        var facts = await stories.AsNoTracking()
            .Where(s => s.Id == storyId)
            .Select(s => new StoryAccessFacts(s.Id, s.AuthorId, s.Status, s.Heroes.Select(h => h.PersonId).ToList(), null))
            .SingleOrDefaultAsync(cancellationToken);
        return await WithReviewTeamsAsync(stories, facts, onlyToRead, cancellationToken);
    }

    /// <summary>
    /// <see cref="AccessFactsAsync(IQueryable{Story}, int, bool, CancellationToken)"/> through a query compiled once: every
    /// story page runs it, so EF Core's per-query work (translating, caching the plan, reading parameters) is spared.
    /// </summary>
    public static async Task<StoryAccessFacts?> AccessFactsAsync(
        this CareStoriesDbContext db, int storyId, bool onlyToRead, CancellationToken cancellationToken = default) =>
        await WithReviewTeamsAsync(db.Stories, await CompiledFacts(db, storyId, cancellationToken), onlyToRead, cancellationToken);

    private static readonly Func<CareStoriesDbContext, int, CancellationToken, Task<StoryAccessFacts?>> CompiledFacts = EF.CompileAsyncQuery(
        (CareStoriesDbContext db, int storyId, CancellationToken cancellationToken) => db.Stories.AsNoTracking()
            .Where(s => s.Id == storyId)
            .Select(s => new StoryAccessFacts(s.Id, s.AuthorId, s.Status, s.Heroes.Select(h => h.PersonId).ToList(), null))
            .SingleOrDefault());

    private static async Task<StoryAccessFacts?> WithReviewTeamsAsync(
        IQueryable<Story> stories, StoryAccessFacts? facts, bool onlyToRead, CancellationToken cancellationToken)
    {
        if (facts is null || (onlyToRead && StoryAccess.IsReadByEveryone(facts.Status)))
        {
            return facts;
        }

        return facts with { ReviewTeamIds = await stories.Where(s => s.Id == facts.StoryId).ReviewTeamIds().ToListAsync(cancellationToken) };
    }

    public static async Task<StoryViewer> ViewerAsync(
        this IQueryable<TeamMembership> memberships, string personId, bool isAdmin, CancellationToken cancellationToken = default)
    {
        var managed = await memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.IsManager)
            .Select(m => m.TeamId)
            .ToListAsync(cancellationToken);
        return new StoryViewer(personId, isAdmin, managed);
    }
}
