using CareStories.Domain.Events;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

/// <summary>What a story's review raises for others to hear, its append-only history, and the loser of a race's message.</summary>
public sealed class StoryEventsTests
{
    [Fact]
    public void Each_review_step_raises_the_event_that_tells_people()
    {
        var story = Draft();

        story.Submit(Author, Now.AddMinutes(1));
        story.RequestChanges(Reviewer, "Add the customer's words.", Now.AddMinutes(2));
        story.Submit(Author, Now.AddMinutes(3));
        story.Publish(Reviewer, Now.AddMinutes(4));

        Assert.Collection(
            story.DomainEvents,
            e => Assert.IsType<StorySubmitted>(e),
            e => Assert.Equal(Reviewer, Assert.IsType<StorySentBack>(e).ActorId),
            e => Assert.IsType<StorySubmitted>(e),
            e => Assert.Equal(Reviewer, Assert.IsType<StoryPublished>(e).ActorId));
    }

    [Fact]
    public void History_only_grows_every_entry_kept_as_written()
    {
        var story = Draft();
        var first = Assert.Single(story.History);

        story.Submit(Author, Now.AddMinutes(1));
        story.Publish(Reviewer, Now.AddMinutes(2));

        Assert.Same(first, story.History.First());
        Assert.Equal(3, story.History.Count);
    }

    [Fact]
    public void The_second_reviewer_is_told_who_decided_first_and_when()
    {
        var at = new DateTimeOffset(2026, 3, 10, 10, 42, 0, TimeSpan.Zero);

        Assert.Equal("Sam Okafor already published this story at 10:42 UTC.", StoryStatusChange.AlreadyDone("Sam Okafor", StoryStatus.Published, at));
        Assert.Equal("Sam Okafor already sent this story back at 10:42 UTC.", StoryStatusChange.AlreadyDone("Sam Okafor", StoryStatus.ChangesRequested, at));
    }
}
