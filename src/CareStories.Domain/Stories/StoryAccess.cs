namespace CareStories.Domain.Stories;

/// <summary>The few facts about a story that decide who may see or change it.</summary>
public sealed record StoryAccessFacts(
    int StoryId,
    string AuthorId,
    StoryStatus Status,
    IReadOnlyCollection<string> HeroIds,
    IReadOnlyCollection<int> TeamIds,
    IReadOnlyCollection<int> AuthorTeamIds);

/// <summary>Who is looking: their id, whether they administer the app, and the teams they manage.</summary>
public sealed record StoryViewer(string PersonId, bool IsAdmin, IReadOnlyCollection<int> ManagedTeamIds);

/// <summary>
/// Who may see and change a story. Drafts are the author's alone; a story under review is seen by its author,
/// its heroes and the managers of its teams or its author's teams; a published story by everyone signed in.
/// </summary>
public static class StoryAccess
{
    public static bool CanRead(StoryAccessFacts story, StoryViewer viewer) => story.Status switch
    {
        StoryStatus.Draft => IsAuthor(story, viewer),
        StoryStatus.Published => true,
        StoryStatus.Withdrawn => IsAuthor(story, viewer) || IsHero(story, viewer) || viewer.IsAdmin,
        _ => IsAuthor(story, viewer) || IsHero(story, viewer) || viewer.IsAdmin || ManagesStory(story, viewer),
    };

    /// <summary>Writing the story, its quotes, submitting, withdrawing and deleting are the author's.</summary>
    public static bool CanChange(StoryAccessFacts story, StoryViewer viewer) => IsAuthor(story, viewer);

    /// <summary>
    /// Publishing or sending back: an Admin, or a manager of the story's teams or its author's teams; never
    /// someone who wrote the story or is credited in it.
    /// </summary>
    public static bool CanReview(StoryAccessFacts story, StoryViewer viewer) =>
        (viewer.IsAdmin || ManagesStory(story, viewer)) && !IsAuthor(story, viewer) && !IsHero(story, viewer);

    public static bool ManagesStory(StoryAccessFacts story, StoryViewer viewer) =>
        story.TeamIds.Concat(story.AuthorTeamIds).Any(viewer.ManagedTeamIds.Contains);

    private static bool IsAuthor(StoryAccessFacts story, StoryViewer viewer) => story.AuthorId == viewer.PersonId;

    private static bool IsHero(StoryAccessFacts story, StoryViewer viewer) => story.HeroIds.Contains(viewer.PersonId);
}
