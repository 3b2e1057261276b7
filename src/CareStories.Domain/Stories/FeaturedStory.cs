using CareStories.Domain.Events;

namespace CareStories.Domain.Stories;

/// <summary>
/// A story a leader pinned to the top of the feed. Featuring is its own aggregate, one row per featured story in
/// one of <see cref="MaxFeatured"/> slots. The database keeps the limit: Slot is unique and only 1 to 3 are taken,
/// and StoryId is the key, so when two leaders feature at the same instant one save is refused, never a fourth.
/// </summary>
public sealed class FeaturedStory : AggregateRoot
{
    /// <summary>Leaders feature a few stories at most, so the pinned ones stay special.</summary>
    public const int MaxFeatured = 3;

    public const string AlreadyFeatured = "This story is already featured.";

    public static readonly string LimitReached = $"At most {MaxFeatured} stories can be featured at once. Unfeature one first.";

    private FeaturedStory()
    {
    }

    private FeaturedStory(int storyId, int slot, string leaderId, DateTimeOffset at)
    {
        StoryId = storyId;
        Slot = slot;
        FeaturedById = leaderId;
        FeaturedAt = at;
    }

    public int StoryId { get; private set; }

    /// <summary>1 to <see cref="MaxFeatured"/>; unique, so no two featurings can take the same place.</summary>
    public int Slot { get; private set; }

    public DateTimeOffset FeaturedAt { get; private set; }

    public string FeaturedById { get; private set; } = "";

    public Person FeaturedBy { get; private set; } = null!;

    /// <summary>
    /// Features a published story in the first free slot, given the stories featured now. The slot's unique index
    /// refuses a race the list could not see.
    /// </summary>
    public static FeaturedStory Feature(
        StoryAccessFacts story, string leaderId, IReadOnlyCollection<FeaturedStory> featuredNow, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(featuredNow);
        Recognition.EnsurePublished(story, "featured");
        if (featuredNow.Any(f => f.StoryId == story.StoryId))
        {
            throw new DomainException(AlreadyFeatured);
        }

        var slot = Enumerable.Range(1, MaxFeatured).FirstOrDefault(s => featuredNow.All(f => f.Slot != s));
        if (slot == 0)
        {
            throw new DomainException(LimitReached);
        }

        var featured = new FeaturedStory(story.StoryId, slot, leaderId, at);
        featured.Raise(new StoryFeatured(StoryPeople.Of(story), leaderId, at));
        return featured;
    }
}
