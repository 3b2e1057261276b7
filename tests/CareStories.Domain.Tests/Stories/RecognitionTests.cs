using CareStories.Domain.Catalogue;
using CareStories.Domain.Stories;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class RecognitionTests
{
    private const string Leader = "leader-id";
    private const string Colleague = "colleague-id";

    private static readonly Badge Star = new("Customer star", "Went far beyond what was asked.", BadgeColour.Amber, "🌟");

    [Fact]
    public void A_leader_celebrates_a_published_story_with_a_badge_and_message()
    {
        var story = InStatus(StoryStatus.Published);

        var celebration = story.Celebrate(Leader, Star, "  Thank you for this!  ", Now.AddDays(1));

        Assert.Equal(Leader, celebration.CelebratorId);
        Assert.Equal("Thank you for this!", celebration.Message);
        Assert.Equal(Now.AddDays(1), celebration.At);
        Assert.Single(story.Celebrations);
    }

    [Fact]
    public void Several_people_celebrate_one_story_each_once()
    {
        var story = InStatus(StoryStatus.Published);
        story.Celebrate(Leader, Star, "Brilliant.", Now);
        story.Celebrate(Reviewer, Star, "Well done.", Now);

        var refused = Refused(() => story.Celebrate(Leader, Star, "Again!", Now));

        Assert.Equal("You have already celebrated this story.", Assert.Single(refused).Message);
        Assert.Equal(2, story.Celebrations.Count);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Only_a_published_story_can_be_celebrated_applauded_or_commented_on(StoryStatus status)
    {
        var story = InStatus(status);

        Refused(() => story.Celebrate(Leader, Star, "Great", Now));
        Refused(() => story.Applaud(Colleague, Now));
        Refused(() => story.AddComment(Colleague, "Nice", Now));
        Refused(() => story.Feature(Leader, 0, Now));
    }

    [Fact]
    public void Nobody_celebrates_a_story_they_wrote_or_are_credited_in()
    {
        var story = InStatus(StoryStatus.Published);

        Refused(() => story.Celebrate(Author, Star, "Me!", Now));
        Assert.Empty(story.Celebrations);
    }

    [Fact]
    public void A_celebration_needs_a_message_and_a_badge_still_in_use()
    {
        var story = InStatus(StoryStatus.Published);
        var retired = new Badge("Old badge", "No longer given.", BadgeColour.Slate);
        retired.Retire();

        var refused = Refused(() => story.Celebrate(Leader, retired, "   ", Now));

        Assert.Equal(["BadgeId", "Message"], refused.Fields());
    }

    [Fact]
    public void An_overlong_celebration_message_is_refused_with_its_length()
    {
        var story = InStatus(StoryStatus.Published);

        var refused = Refused(() => story.Celebrate(Leader, Star, new string('x', Celebration.MessageMaxLength + 1), Now));

        Assert.Contains("1,001", Assert.Single(refused).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_applauds_twice_but_can_take_it_back_and_applaud_again()
    {
        var story = InStatus(StoryStatus.Published);
        story.Applaud(Colleague, Now);

        Refused(() => story.Applaud(Colleague, Now));
        story.WithdrawApplause(Colleague);
        Assert.Empty(story.Applause);
        story.Applaud(Colleague, Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), Assert.Single(story.Applause).At);
    }

    [Fact]
    public void A_comment_is_kept_trimmed_and_its_writer_may_edit_it()
    {
        var story = InStatus(StoryStatus.Published);
        var comment = story.AddComment(Colleague, "  Lovely work.\r\nThank you  ", Now);

        story.EditComment(comment.Id, Colleague, "Lovely work, truly.", Now.AddMinutes(5));

        Assert.Equal("Lovely work, truly.", comment.Text);
        Assert.Equal(Now.AddMinutes(5), comment.EditedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_comment_is_refused(string text)
    {
        var story = InStatus(StoryStatus.Published);

        var refused = Refused(() => story.AddComment(Colleague, text, Now));

        Assert.Equal(["Text"], refused.Fields());
    }

    [Fact]
    public void Only_the_writer_edits_or_deletes_a_comment()
    {
        var story = InStatus(StoryStatus.Published);
        var comment = story.AddComment(Colleague, "Nice one.", Now);

        Refused(() => story.EditComment(comment.Id, Leader, "Changed", Now));
        Refused(() => story.DeleteComment(comment.Id, Leader));
        Assert.Equal("Nice one.", comment.Text);

        story.DeleteComment(comment.Id, Colleague);
        Assert.Empty(story.Comments);
    }

    [Fact]
    public void Hiding_a_comment_records_who_when_and_why_and_stops_edits()
    {
        var story = InStatus(StoryStatus.Published);
        var comment = story.AddComment(Colleague, "Something unkind.", Now);

        story.HideComment(comment.Id, "admin-id", "Personal remark about a customer", Now.AddHours(1));

        Assert.True(comment.IsHidden);
        Assert.Equal("admin-id", comment.HiddenById);
        Assert.Equal(Now.AddHours(1), comment.HiddenAt);
        Assert.Equal("Personal remark about a customer", comment.HiddenReason);
        Refused(() => story.EditComment(comment.Id, Colleague, "Sorry", Now));
        Refused(() => story.HideComment(comment.Id, "admin-id", "Again", Now));
        Refused(() => story.DeleteComment(comment.Id, Colleague));
        Assert.Single(story.Comments);
    }

    [Fact]
    public void Hiding_a_comment_needs_a_reason()
    {
        var story = InStatus(StoryStatus.Published);
        var comment = story.AddComment(Colleague, "Hmm.", Now);

        var refused = Refused(() => story.HideComment(comment.Id, "admin-id", " ", Now));

        Assert.Equal(["HiddenReason"], refused.Fields());
        Assert.False(comment.IsHidden);
    }

    [Fact]
    public void A_leader_features_a_few_stories_at_most()
    {
        var story = InStatus(StoryStatus.Published);

        var refused = Refused(() => story.Feature(Leader, Story.MaxFeatured, Now));
        Assert.Contains("Unfeature one first", Assert.Single(refused).Message, StringComparison.Ordinal);
        Assert.Null(story.FeaturedAt);

        story.Feature(Leader, Story.MaxFeatured - 1, Now);
        Assert.Equal(Now, story.FeaturedAt);
        Assert.Equal(Leader, story.FeaturedById);
        Refused(() => story.Feature(Leader, 0, Now));
    }

    [Fact]
    public void Unfeaturing_clears_the_pin_and_withdrawing_unfeatures()
    {
        var story = InStatus(StoryStatus.Published);
        story.Feature(Leader, 0, Now);
        story.Unfeature();
        Assert.Null(story.FeaturedAt);
        Refused(story.Unfeature);

        story.Feature(Leader, 0, Now);
        story.Withdraw(Author, Now.AddMinutes(1));

        Assert.Null(story.FeaturedAt);
        Assert.Null(story.FeaturedById);
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
    }
}
