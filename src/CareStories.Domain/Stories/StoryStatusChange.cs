namespace CareStories.Domain.Stories;

/// <summary>One step in a story's life: who moved it from which status to which, when, and why.</summary>
public sealed class StoryStatusChange
{
    public const int CommentMaxLength = 1000;

    private StoryStatusChange()
    {
    }

    internal StoryStatusChange(
        StoryStatus? from, StoryStatus to, string actorId, DateTimeOffset at, string? comment, DateTimeOffset? submittedAt = null)
    {
        From = from;
        To = to;
        ActorId = actorId;
        At = at;
        Comment = comment;
        SubmittedAt = submittedAt;
    }

    public int Id { get; private set; }

    public int StoryId { get; private set; }

    /// <summary>Null for the change that created the story.</summary>
    public StoryStatus? From { get; private set; }

    public StoryStatus To { get; private set; }

    public string ActorId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>
    /// For a story leaving review (published or sent back), when the submission it answers was made: the latest one
    /// at or before this change. Kept on the row so Insights reads a decision's wait as a difference of two columns
    /// instead of looking the submission up for every decision. Null for other changes, and for a decision with no
    /// submission recorded before it.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public string Describe() => Describe(From, To);

    public static string Describe(StoryStatus? from, StoryStatus to) => (from, to) switch
    {
        (null, _) => "Started the story",
        (StoryStatus.ChangesRequested, StoryStatus.Submitted) => "Resubmitted for review",
        (_, StoryStatus.Submitted) => "Submitted for review",
        (_, StoryStatus.Published) => "Published",
        (_, StoryStatus.ChangesRequested) => "Sent back for changes",
        (_, StoryStatus.Withdrawn) => "Withdrew the story",
        (_, StoryStatus.Draft) => "Reopened as a draft",
        _ => to.Label(),
    };

    /// <summary>
    /// What the second of two people changing a story at once is told: who changed it first, to what, and when
    /// ("Sam Okafor already published this story at 10:42 UTC.").
    /// </summary>
    public static string AlreadyDone(string actorName, StoryStatus to, DateTimeOffset at)
    {
        var when = $"{at.UtcDateTime:HH:mm} UTC";
        return to switch
        {
            StoryStatus.Published => $"{actorName} already published this story at {when}.",
            StoryStatus.ChangesRequested => $"{actorName} already sent this story back at {when}.",
            StoryStatus.Withdrawn => $"{actorName} withdrew this story at {when}.",
            _ => $"{actorName} changed this story at {when}. Look at it again before deciding.",
        };
    }
}
