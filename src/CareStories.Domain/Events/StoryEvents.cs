using CareStories.Domain.Thanks;

namespace CareStories.Domain.Events;

/// <summary>A story went to review; those who may review it hear. The story may be new (its id is set on save).</summary>
public sealed record StorySubmitted(Story Story, DateTimeOffset At) : IDomainEvent;

/// <summary>A story was published, by a reviewer or at once on submission; its people hear, except whoever did it.</summary>
public sealed record StoryPublished(Story Story, string ActorId, DateTimeOffset At) : IDomainEvent;

/// <summary>A reviewer sent the story back with a comment; its people hear.</summary>
public sealed record StorySentBack(Story Story, string ActorId, DateTimeOffset At) : IDomainEvent;

/// <summary>The author withdrew the story: it stops being featured.</summary>
public sealed record StoryWithdrawn(int StoryId, DateTimeOffset At) : IDomainEvent;

/// <summary>The people a story's news is for: its author and the people credited.</summary>
public sealed record StoryPeople(int StoryId, string AuthorId, IReadOnlyCollection<string> HeroIds)
{
    public static StoryPeople Of(StoryAccessFacts story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new(story.StoryId, story.AuthorId, story.HeroIds);
    }
}

public sealed record StoryCelebrated(StoryPeople Story, string CelebratorId, DateTimeOffset At) : IDomainEvent;

public sealed record CommentAdded(StoryPeople Story, string WriterId, DateTimeOffset At) : IDomainEvent;

/// <summary>A leader featured the story; the people credited in it hear.</summary>
public sealed record StoryFeatured(StoryPeople Story, string LeaderId, DateTimeOffset At) : IDomainEvent;

/// <summary>A customer's thank-you arrived; the managers who may decide on it hear.</summary>
public sealed record ThanksReceived(CustomerThanks Thanks, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// A manager approved a thank-you: onto a new draft (<paramref name="StartedDraft"/>, its owner hears) or onto a
/// story (its people hear). Either way the other managers' "waiting" news is done with.
/// </summary>
public sealed record ThanksApproved(CustomerThanks Thanks, Story Story, bool StartedDraft, string ManagerId, DateTimeOffset At) : IDomainEvent;

/// <summary>A manager discarded a thank-you; the other managers' "waiting" news is done with.</summary>
public sealed record ThanksDiscarded(CustomerThanks Thanks, string ManagerId, DateTimeOffset At) : IDomainEvent;
