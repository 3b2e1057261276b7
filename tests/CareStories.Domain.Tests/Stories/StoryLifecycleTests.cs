using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Stories;

public sealed class StoryLifecycleTests
{
    [Fact]
    public void A_new_story_is_a_draft_crediting_its_author_with_one_history_entry()
    {
        var story = new Story(Author, Complete(), Now);

        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Equal(Author, Assert.Single(story.Heroes).PersonId);
        var created = Assert.Single(story.History);
        Assert.Null(created.From);
        Assert.Equal(StoryStatus.Draft, created.To);
        Assert.Equal(Author, created.ActorId);
        Assert.Equal(Now, created.At);
        Assert.Equal("Started the story", created.Describe());
    }

    [Fact]
    public void Submitting_a_complete_draft_sends_it_for_review()
    {
        var story = Draft();
        var at = Now.AddHours(1);

        story.Submit(Author, at);

        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal(at, story.SubmittedAt);
        Assert.Equal(at, story.UpdatedAt);
        Assert.Empty(story.MissingForReview());
    }

    [Fact]
    public void Submitting_an_incomplete_draft_names_every_missing_field()
    {
        var story = new Story(Author, TitleOnly(), Now);

        var errors = Refused(() => story.Submit(Author, Now));

        Assert.Equal(
            ["OccurredOn", "Situation", "ImmediateAction", "Outcome", "Teams"],
            errors.Fields());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Null(story.SubmittedAt);
        Assert.Single(story.History);
    }

    [Fact]
    public void Submitting_without_a_team_is_refused_even_when_the_text_is_complete()
    {
        var story = new Story(Author, Complete(), Now);

        var errors = Refused(() => story.Submit(Author, Now));

        Assert.Equal("Teams", Assert.Single(errors).Field);
    }

    [Fact]
    public void Whitespace_only_narrative_counts_as_missing()
    {
        var story = new Story(Author, Complete() with { Situation = "  \r\n\t ", Outcome = "" }, Now);
        story.SetTeams([TeamId]);

        var errors = Refused(() => story.Submit(Author, Now));

        Assert.Equal(["Situation", "Outcome"], errors.Fields());
    }

    [Fact]
    public void A_story_sent_back_can_be_changed_and_resubmitted()
    {
        var story = InStatus(StoryStatus.ChangesRequested);
        var at = Now.AddDays(1);

        story.Edit(Complete("The van that saved a wedding, with the customer's words"), at);
        story.Submit(Author, at);

        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal(at, story.SubmittedAt);
        Assert.Equal("Resubmitted for review", story.History.Last().Describe());
    }

    [Theory]
    [InlineData(StoryStatus.Submitted, "already waiting for review")]
    [InlineData(StoryStatus.Published, "published cannot be submitted")]
    [InlineData(StoryStatus.Withdrawn, "withdrawn cannot be submitted")]
    public void Submitting_is_refused_unless_draft_or_sent_back(StoryStatus status, string message)
    {
        var story = InStatus(status);
        var historyBefore = story.History.Count;

        var error = Assert.Single(Refused(() => story.Submit(Author, Now.AddHours(1))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(status, story.Status);
        Assert.Equal(historyBefore, story.History.Count);
    }

    [Fact]
    public void A_reviewer_publishes_a_story_waiting_for_review()
    {
        var story = InStatus(StoryStatus.Submitted);
        var at = Now.AddHours(3);

        story.Publish(Reviewer, at);

        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Equal(at, story.PublishedAt);
        Assert.Null(story.ReviewComment);
    }

    [Fact]
    public void A_decision_records_the_submission_it_answers_and_after_a_send_back_that_is_the_resubmission()
    {
        var story = Draft();
        story.Submit(Author, Now.AddHours(1));
        story.RequestChanges(Reviewer, "Add the customer's words.", Now.AddHours(4));
        story.Submit(Author, Now.AddHours(6));
        story.Publish(Reviewer, Now.AddHours(9));
        story.Withdraw(Author, Now.AddHours(10));

        var history = story.History.ToList();
        var sentBack = history.Single(h => h.To == StoryStatus.ChangesRequested);
        var published = history.Single(h => h.To == StoryStatus.Published);
        Assert.Equal(Now.AddHours(1), sentBack.SubmittedAt);
        Assert.Equal(Now.AddHours(6), published.SubmittedAt);
        // Only leaving review answers a submission.
        Assert.All(history.Except([sentBack, published]), h => Assert.Null(h.SubmittedAt));
    }

    [Fact]
    public void Publishing_a_resubmitted_story_clears_the_old_review_comment()
    {
        var story = InStatus(StoryStatus.ChangesRequested);
        Assert.NotNull(story.ReviewComment);
        story.Submit(Author, Now.AddHours(1));

        story.Publish(Reviewer, Now.AddHours(2));

        Assert.Null(story.ReviewComment);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Published)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Publishing_is_refused_unless_waiting_for_review(StoryStatus status)
    {
        var story = InStatus(status);
        var publishedAt = story.PublishedAt;
        var historyBefore = story.History.Count;

        var error = Assert.Single(Refused(() => story.Publish(Reviewer, Now.AddHours(5))));

        Assert.Contains("waiting for review", error.Message, StringComparison.Ordinal);
        Assert.Equal(status, story.Status);
        Assert.Equal(publishedAt, story.PublishedAt);
        Assert.Equal(historyBefore, story.History.Count);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Published)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Requesting_changes_is_refused_unless_waiting_for_review(StoryStatus status)
    {
        var story = InStatus(status);
        var historyBefore = story.History.Count;

        Refused(() => story.RequestChanges(Reviewer, "Please add more detail.", Now.AddHours(5)));

        Assert.Equal(status, story.Status);
        Assert.Equal(historyBefore, story.History.Count);
    }

    [Fact]
    public void The_author_cannot_publish_or_send_back_their_own_story()
    {
        var story = InStatus(StoryStatus.Submitted);

        var publish = Assert.Single(Refused(() => story.Publish(Author, Now.AddHours(1))));
        var sendBack = Assert.Single(Refused(() => story.RequestChanges(Author, "Looks fine to me.", Now.AddHours(1))));

        Assert.Contains("cannot review a story you wrote", publish.Message, StringComparison.Ordinal);
        Assert.Contains("cannot review a story you wrote", sendBack.Message, StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Submitted, story.Status);
    }

    [Fact]
    public void A_credited_colleague_cannot_publish_or_send_back_the_story()
    {
        const string hero = "hero-manager-id";
        var story = Draft();
        story.SetHeroes([Author, hero]);
        story.Submit(Author, Now.AddMinutes(1));

        Refused(() => story.Publish(hero, Now.AddHours(1)));
        Refused(() => story.RequestChanges(hero, "Change this.", Now.AddHours(1)));

        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Null(story.PublishedAt);
    }

    [Fact]
    public void A_nomination_still_cannot_be_reviewed_by_its_author_who_is_not_a_hero()
    {
        var story = Draft();
        story.SetHeroes(["colleague-id"]);
        story.Submit(Author, Now.AddMinutes(1));

        Refused(() => story.Publish(Author, Now.AddHours(1)));

        story.Publish(Reviewer, Now.AddHours(1));
        Assert.Equal(StoryStatus.Published, story.Status);
    }

    [Fact]
    public void Sending_back_records_the_normalised_comment_for_the_author()
    {
        var story = InStatus(StoryStatus.Submitted);
        var at = Now.AddHours(2);

        story.RequestChanges(Reviewer, "  Add the customer's words.\r\n\r\nAnd the date.  ", at);

        Assert.Equal(StoryStatus.ChangesRequested, story.Status);
        Assert.Equal("Add the customer's words.\n\nAnd the date.", story.ReviewComment);
        var change = story.History.Last();
        Assert.Equal(StoryStatus.Submitted, change.From);
        Assert.Equal(StoryStatus.ChangesRequested, change.To);
        Assert.Equal(Reviewer, change.ActorId);
        Assert.Equal(at, change.At);
        Assert.Equal(story.ReviewComment, change.Comment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n  ")]
    public void Sending_back_without_a_comment_is_refused(string? comment)
    {
        var story = InStatus(StoryStatus.Submitted);

        var error = Assert.Single(Refused(() => story.RequestChanges(Reviewer, comment, Now.AddHours(1))));

        Assert.Equal("Comment", error.Field);
        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Null(story.ReviewComment);
    }

    [Fact]
    public void Sending_back_with_a_comment_over_the_limit_is_refused()
    {
        var story = InStatus(StoryStatus.Submitted);
        var tooLong = new string('x', StoryStatusChange.CommentMaxLength + 1);

        var error = Assert.Single(Refused(() => story.RequestChanges(Reviewer, tooLong, Now.AddHours(1))));

        Assert.Equal("Comment", error.Field);
        Assert.Contains(StoryStatusChange.CommentMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Submitted, story.Status);
    }

    [Fact]
    public void A_comment_of_exactly_the_limit_is_accepted()
    {
        var story = InStatus(StoryStatus.Submitted);
        var longest = new string('x', StoryStatusChange.CommentMaxLength);

        story.RequestChanges(Reviewer, "  " + longest + "  ", Now.AddHours(1));

        Assert.Equal(longest, story.ReviewComment);
    }

    [Theory]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Published)]
    public void The_author_can_withdraw_a_shared_story(StoryStatus status)
    {
        var story = InStatus(status);
        var at = Now.AddDays(2);

        story.Withdraw(Author, at);

        Assert.Equal(StoryStatus.Withdrawn, story.Status);
        Assert.Null(story.PublishedAt);
        var change = story.History.Last();
        Assert.Equal(status, change.From);
        Assert.Equal(StoryStatus.Withdrawn, change.To);
        Assert.Equal(Author, change.ActorId);
        Assert.Equal(at, change.At);
    }

    [Fact]
    public void Withdrawing_a_draft_is_refused_and_suggests_deleting()
    {
        var story = Draft();

        var error = Assert.Single(Refused(() => story.Withdraw(Author, Now.AddHours(1))));

        Assert.Contains("delete it instead", error.Message, StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Draft, story.Status);
    }

    [Fact]
    public void Withdrawing_twice_is_refused()
    {
        var story = InStatus(StoryStatus.Withdrawn);
        var historyBefore = story.History.Count;

        var error = Assert.Single(Refused(() => story.Withdraw(Author, Now.AddHours(1))));

        Assert.Contains("already been withdrawn", error.Message, StringComparison.Ordinal);
        Assert.Equal(historyBefore, story.History.Count);
    }

    [Fact]
    public void A_withdrawn_story_reopens_as_a_draft_that_can_be_edited_and_submitted_again()
    {
        var story = InStatus(StoryStatus.ChangesRequested);
        story.Withdraw(Author, Now.AddHours(1));

        story.Reopen(Author, Now.AddHours(2));

        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Null(story.ReviewComment);
        Assert.Equal("Reopened as a draft", story.History.Last().Describe());
        story.Edit(Complete("Reworked"), Now.AddHours(3));
        story.Submit(Author, Now.AddHours(4));
        Assert.Equal(StoryStatus.Submitted, story.Status);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Published)]
    public void Reopening_is_refused_unless_withdrawn(StoryStatus status)
    {
        var story = InStatus(status);

        var error = Assert.Single(Refused(() => story.Reopen(Author, Now.AddHours(1))));

        Assert.Contains("Only a withdrawn story", error.Message, StringComparison.Ordinal);
        Assert.Equal(status, story.Status);
    }

    [Fact]
    public void A_draft_may_be_deleted()
    {
        var story = Draft();

        var exception = Record.Exception(story.EnsureDeletable);

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(StoryStatus.Submitted)]
    [InlineData(StoryStatus.ChangesRequested)]
    [InlineData(StoryStatus.Published)]
    [InlineData(StoryStatus.Withdrawn)]
    public void Deleting_is_refused_once_a_story_was_shared(StoryStatus status)
    {
        var story = InStatus(status);

        var error = Assert.Single(Refused(story.EnsureDeletable));

        Assert.Contains("Withdraw the story instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_records_every_change_with_actor_time_and_comment()
    {
        var t = Now;
        var story = new Story(Author, Complete(), t);
        story.SetTeams([TeamId]);

        story.Submit(Author, t.AddHours(1));
        story.RequestChanges(Reviewer, "Add the customer's words.", t.AddHours(2));
        story.Submit(Author, t.AddHours(3));
        story.Publish("second-reviewer-id", t.AddHours(4));
        story.Withdraw(Author, t.AddHours(5));
        story.Reopen(Author, t.AddHours(6));

        var expected = new (StoryStatus? From, StoryStatus To, string Actor, DateTimeOffset At, string? Comment, string Described)[]
        {
            (null, StoryStatus.Draft, Author, t, null, "Started the story"),
            (StoryStatus.Draft, StoryStatus.Submitted, Author, t.AddHours(1), null, "Submitted for review"),
            (StoryStatus.Submitted, StoryStatus.ChangesRequested, Reviewer, t.AddHours(2), "Add the customer's words.", "Sent back for changes"),
            (StoryStatus.ChangesRequested, StoryStatus.Submitted, Author, t.AddHours(3), null, "Resubmitted for review"),
            (StoryStatus.Submitted, StoryStatus.Published, "second-reviewer-id", t.AddHours(4), null, "Published"),
            (StoryStatus.Published, StoryStatus.Withdrawn, Author, t.AddHours(5), null, "Withdrew the story"),
            (StoryStatus.Withdrawn, StoryStatus.Draft, Author, t.AddHours(6), null, "Reopened as a draft"),
        };
        var actual = story.History
            .Select(h => (h.From, h.To, h.ActorId, h.At, h.Comment, h.Describe()))
            .ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(t.AddHours(6), story.UpdatedAt);
    }
}
