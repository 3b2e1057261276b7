using CareStories.Domain.Catalogue;
using CareStories.Domain.Events;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

/// <summary>
/// Celebrations, applause, comments and featuring are their own aggregates: their rules read only the story's facts
/// (status, author, heroes), never a loaded list of the others. "Once each" is a database key, tested in the Web suite.
/// </summary>
public sealed class RecognitionTests
{
    private const string Leader = "leader-id";
    private const string Colleague = "colleague-id";
    private const string Hero = "hero-id";

    private static readonly Badge Star = new("Customer star", "Went far beyond what was asked.", BadgeColour.Amber, "🌟");

    private static StoryAccessFacts Facts(StoryStatus status) => InStatus(status).Facts() with { StoryId = 42 };

    private static StoryAccessFacts Published() => Facts(StoryStatus.Published) with { HeroIds = [Author, Hero] };

    [Fact]
    public void A_leader_celebrates_a_published_story_with_a_badge_and_message()
    {
        var celebration = Celebration.Give(Published(), Leader, Star, "  Thank you for this!  ", Now.AddDays(1));

        Assert.Equal(42, celebration.StoryId);
        Assert.Equal(Leader, celebration.CelebratorId);
        Assert.Equal("Thank you for this!", celebration.Message);
        Assert.Equal(Now.AddDays(1), celebration.At);
    }

    [Fact]
    public void A_celebration_tells_the_story_people_through_its_event()
    {
        var celebration = Celebration.Give(Published(), Leader, Star, "Brilliant.", Now);

        var raised = Assert.IsType<StoryCelebrated>(Assert.Single(celebration.DomainEvents));
        Assert.Equal(42, raised.Story.StoryId);
        Assert.Equal(Author, raised.Story.AuthorId);
        Assert.Equal([Author, Hero], raised.Story.HeroIds);
        Assert.Equal(Leader, raised.CelebratorId);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Only_a_published_story_can_be_celebrated_applauded_commented_on_or_featured(StoryStatus status)
    {
        var story = Facts(status);

        Refused(() => Celebration.Give(story, Leader, Star, "Great", Now));
        Refused(() => Applause.Give(story, Colleague, Now));
        Refused(() => Comment.Write(story, Colleague, "Nice", Now));
        Refused(() => FeaturedStory.Feature(story, Leader, [], Now));
    }

    [Fact]
    public void Nobody_celebrates_a_story_they_wrote_or_are_credited_in()
    {
        Refused(() => Celebration.Give(Published(), Author, Star, "Me!", Now));
        Refused(() => Celebration.Give(Published(), Hero, Star, "Us!", Now));
    }

    [Fact]
    public void Nobody_applauds_a_story_they_wrote_or_are_credited_in()
    {
        var author = Assert.Single(Refused(() => Applause.Give(Published(), Author, Now)));
        Refused(() => Applause.Give(Published(), Hero, Now));

        Assert.Equal("You cannot applaud a story you wrote or are credited in.", author.Message);
        Assert.Equal(Colleague, Applause.Give(Published(), Colleague, Now).PersonId);
    }

    [Fact]
    public void A_celebration_needs_a_message_and_a_badge_still_in_use()
    {
        var retired = new Badge("Old badge", "No longer given.", BadgeColour.Slate);
        retired.Retire();

        var refused = Refused(() => Celebration.Give(Published(), Leader, retired, "   ", Now));

        Assert.Equal(["BadgeId", "Message"], refused.Fields());
    }

    [Fact]
    public void An_overlong_celebration_message_is_refused_with_its_length()
    {
        var refused = Refused(() => Celebration.Give(Published(), Leader, Star, new string('x', Celebration.MessageMaxLength + 1), Now));

        Assert.Contains("1,001", Assert.Single(refused).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_is_kept_trimmed_and_its_writer_may_edit_it()
    {
        var comment = Comment.Write(Published(), Colleague, "  Lovely work.\r\nThank you  ", Now);
        Assert.Equal("Lovely work.\nThank you", comment.Text);
        Assert.IsType<CommentAdded>(Assert.Single(comment.DomainEvents));

        comment.Edit(Colleague, "Lovely work, truly.", Now.AddMinutes(5));

        Assert.Equal("Lovely work, truly.", comment.Text);
        Assert.Equal(Now.AddMinutes(5), comment.EditedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_comment_is_refused(string text)
    {
        var refused = Refused(() => Comment.Write(Published(), Colleague, text, Now));

        Assert.Equal(["Text"], refused.Fields());
    }

    [Fact]
    public void Only_the_writer_edits_or_deletes_a_comment()
    {
        var comment = Comment.Write(Published(), Colleague, "Nice one.", Now);

        Refused(() => comment.Edit(Leader, "Changed", Now));
        Refused(() => comment.EnsureDeletableBy(Leader));
        Assert.Equal("Nice one.", comment.Text);

        comment.EnsureDeletableBy(Colleague);
    }

    [Fact]
    public void Hiding_a_comment_records_who_when_and_why_and_stops_edits_and_deletion()
    {
        var comment = Comment.Write(Published(), Colleague, "Something unkind.", Now);

        comment.Hide("admin-id", "Personal remark about a customer", Now.AddHours(1));

        Assert.True(comment.IsHidden);
        Assert.Equal("admin-id", comment.HiddenById);
        Assert.Equal(Now.AddHours(1), comment.HiddenAt);
        Assert.Equal("Personal remark about a customer", comment.HiddenReason);
        Refused(() => comment.Edit(Colleague, "Sorry", Now));
        Refused(() => comment.Hide("admin-id", "Again", Now));
        Refused(() => comment.EnsureDeletableBy(Colleague));
    }

    [Fact]
    public void Hiding_a_comment_needs_a_reason()
    {
        var comment = Comment.Write(Published(), Colleague, "Hmm.", Now);

        var refused = Refused(() => comment.Hide("admin-id", " ", Now));

        Assert.Equal(["HiddenReason"], refused.Fields());
        Assert.False(comment.IsHidden);
    }

    [Fact]
    public void A_leader_features_a_few_stories_at_most_each_in_a_free_slot()
    {
        var featured = new List<FeaturedStory>();
        for (var id = 1; id <= FeaturedStory.MaxFeatured; id++)
        {
            featured.Add(FeaturedStory.Feature(Published() with { StoryId = id }, Leader, featured, Now));
        }

        Assert.Equal([1, 2, 3], featured.Select(f => f.Slot));
        var refused = Refused(() => FeaturedStory.Feature(Published() with { StoryId = 99 }, Leader, featured, Now));
        Assert.Contains("Unfeature one first", Assert.Single(refused).Message, StringComparison.Ordinal);

        featured.RemoveAt(1);
        var again = FeaturedStory.Feature(Published() with { StoryId = 99 }, Leader, featured, Now);
        Assert.Equal(2, again.Slot);
        Assert.Equal(Leader, again.FeaturedById);
        Assert.Equal(Now, again.FeaturedAt);
    }

    [Fact]
    public void A_story_already_featured_is_not_featured_twice()
    {
        var first = FeaturedStory.Feature(Published(), Leader, [], Now);

        var refused = Refused(() => FeaturedStory.Feature(Published(), Leader, [first], Now));

        Assert.Equal(FeaturedStory.AlreadyFeatured, Assert.Single(refused).Message);
    }

    [Fact]
    public void Featuring_tells_the_people_credited_but_not_the_leader()
    {
        var featured = FeaturedStory.Feature(Published(), Leader, [], Now);

        var raised = Assert.IsType<StoryFeatured>(Assert.Single(featured.DomainEvents));
        Assert.Equal([Author, Hero], raised.Story.HeroIds);
        Assert.Equal(Leader, raised.LeaderId);
    }

    [Fact]
    public void Withdrawing_raises_the_event_that_unfeatures_the_story()
    {
        var story = InStatus(StoryStatus.Published);

        story.Withdraw(Author, Now.AddMinutes(5));

        Assert.Contains(story.DomainEvents, e => e is StoryWithdrawn);
    }

    [Fact]
    public void Without_review_a_submitted_story_is_published_at_once_and_the_history_says_why()
    {
        var story = Draft();

        story.Submit(Author, Now.AddMinutes(1), publishWithoutReview: true);

        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Equal(Now.AddMinutes(1), story.PublishedAt);
        var last = story.History.Last();
        Assert.Equal(StoryStatus.Submitted, last.From);
        Assert.Equal(Story.PublishedWithoutReviewComment, last.Comment);
        var published = Assert.IsType<StoryPublished>(Assert.Single(story.DomainEvents));
        Assert.Equal(Author, published.ActorId);
    }
}
