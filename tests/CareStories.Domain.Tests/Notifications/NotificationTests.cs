using CareStories.Domain.Notifications;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Notifications;

public sealed class NotificationTests
{
    [Fact]
    public void Story_news_goes_to_the_author_and_heroes_once_each_but_not_to_whoever_caused_it()
    {
        var story = Draft();
        story.SetHeroes([Author, "hero-1", "hero-2"]);

        var notes = Notification.ForStoryPeople(story, NotificationKind.StoryCommented, "hero-2", Now);

        Assert.Equal([Author, "hero-1"], notes.Select(n => n.RecipientId));
        Assert.All(notes, n => Assert.Equal("hero-2", n.ActorId));
        Assert.All(notes, n => Assert.False(n.IsRead));
    }

    [Fact]
    public void Marking_read_keeps_the_first_time_it_was_read()
    {
        var note = new Notification("me", NotificationKind.StoryPublished, 1, "boss", Now);

        note.MarkRead(Now.AddMinutes(1));
        note.MarkRead(Now.AddMinutes(9));

        Assert.Equal(Now.AddMinutes(1), note.ReadAt);
    }

    [Theory]
    [InlineData(NotificationKind.StoryPublished, "Ana published your story “Late train”")]
    [InlineData(NotificationKind.StorySentBack, "Ana sent back your story “Late train” with a comment")]
    [InlineData(NotificationKind.StoryCelebrated, "Ana celebrated your story “Late train”")]
    [InlineData(NotificationKind.StoryCommented, "Ana commented on your story “Late train”")]
    [InlineData(NotificationKind.StoryWaitingForReview, "Ana submitted “Late train” for your review")]
    public void Each_kind_reads_as_a_plain_sentence(NotificationKind kind, string expected)
    {
        Assert.Equal(expected, Notification.Describe(kind, "Ana", "Late train"));
    }
}
