namespace CareStories.Domain.Fixes;

/// <summary>
/// A story saying it is a repeat of an earlier one: the problem came back. It shows on the earlier story's fixes, so
/// their owners see their fix did not hold (or that one is still needed). One per story, keyed by its id.
/// </summary>
public sealed class StoryRepeat
{
    private StoryRepeat()
    {
    }

    private StoryRepeat(int storyId, int repeatOfStoryId, string markedById, DateTimeOffset at)
    {
        StoryId = storyId;
        RepeatOfStoryId = repeatOfStoryId;
        MarkedById = markedById;
        At = at;
    }

    /// <summary>Marks <paramref name="storyId"/> a repeat of an earlier story, which must be another, older one.</summary>
    public static StoryRepeat Mark(int storyId, int? repeatOfStoryId, DateTimeOffset? storyHappened, DateTimeOffset? earlierPublished, string markedById, DateTimeOffset at)
    {
        if (repeatOfStoryId is not { } earlier)
        {
            throw new DomainException("Choose the earlier story this one repeats.", nameof(RepeatOfStoryId));
        }

        if (earlier == storyId)
        {
            throw new DomainException("A story cannot be a repeat of itself.", nameof(RepeatOfStoryId));
        }

        if (earlierPublished is null || (storyHappened is { } happened && earlierPublished > happened.AddDays(1)))
        {
            throw new DomainException("Choose a story published before this one happened.", nameof(RepeatOfStoryId));
        }

        return new StoryRepeat(storyId, earlier, markedById, at);
    }

    public int StoryId { get; private set; }

    public int RepeatOfStoryId { get; private set; }

    public string MarkedById { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
