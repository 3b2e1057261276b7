using CareStories.Domain.Catalogue;

namespace CareStories.Web.Pages.People;

/// <summary>A person as colleagues see them: who they are and their teams.</summary>
public sealed record PersonHeader(string Id, string Name, string? JobTitle, IReadOnlyList<PersonTeam> Teams, string? PhotoKey = null);

public sealed record PersonTeam(string Name, TeamKind Kind, bool IsManager);

/// <summary>A celebration a person received on a story they are credited in.</summary>
public sealed record ReceivedCelebration(
    string BadgeName,
    string? BadgeEmoji,
    BadgeColour BadgeColour,
    string Message,
    string CelebratorName,
    int StoryId,
    string StoryTitle,
    DateTimeOffset At);

/// <summary>What the person page and its printable record both read. Only published stories count: nobody sees
/// another person's drafts, stories under review or withdrawn stories here.</summary>
internal static class PersonQueries
{
    /// <summary>The published stories that credit this person.</summary>
    public static IQueryable<Story> PublishedCrediting(this CareStoriesDbContext db, string personId) =>
        db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Published && s.Heroes.Any(h => h.PersonId == personId));

    public static Task<PersonHeader?> PersonHeaderAsync(this CareStoriesDbContext db, string personId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == personId)
            .Select(u => new PersonHeader(
                u.Id,
                u.DisplayName,
                u.JobTitle,
                u.Memberships.OrderBy(m => m.Team.Name)
                    .Select(m => new PersonTeam(m.Team.Name, m.Team.Kind, m.IsManager))
                    .ToList(),
                u.PhotoKey))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Celebrations on these stories, newest first, with who gave them and on which story; given within
    /// [<paramref name="from"/>, <paramref name="before"/>) when those are set.
    /// </summary>
    public static IQueryable<ReceivedCelebration> CelebrationsOn(
        this IQueryable<Story> stories, CareStoriesDbContext db, DateTimeOffset? from = null, DateTimeOffset? before = null) =>
        stories.Join(db.Celebrations, s => s.Id, c => c.StoryId, (s, c) => new { s.Id, s.Title, Celebration = c })
            .Where(x => (from == null || x.Celebration.At >= from) && (before == null || x.Celebration.At < before))
            .OrderByDescending(x => x.Celebration.At).ThenByDescending(x => x.Celebration.Id)
            .Select(x => new ReceivedCelebration(
                x.Celebration.Badge.Name,
                x.Celebration.Badge.Emoji,
                x.Celebration.Badge.Colour,
                x.Celebration.Message,
                x.Celebration.Celebrator.DisplayName,
                x.Id,
                x.Title,
                x.Celebration.At));
}
