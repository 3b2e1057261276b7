using CareStories.Domain.Events;
using CareStories.Domain.Thanks;

using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Thanks;

public sealed class CustomerThanksDecisionTests
{
    private const string Person = "person-id";
    private const string Manager = "manager-id";

    private static CustomerThanks Waiting(ThankYouLink? link = null, CustomerNaming naming = CustomerNaming.FirstNameOnly, string? name = "Rosa Diaz") =>
        CustomerThanks.Receive(
            link ?? ThankYouLink.ForPerson(Person, Manager, "Front desk", null, Now.AddDays(-1)),
            new ThanksSubmission("Thank you for fixing my heating on a Sunday.", naming, name, Consent: true),
            Now);

    [Fact]
    public void Approving_as_a_draft_gives_the_person_a_draft_with_the_customers_words_as_consented()
    {
        var thanks = Waiting();

        var story = thanks.ApproveAsDraft(Manager, Person, "  Sunday heating  ", Now.AddHours(1));

        Assert.Equal(Person, story.AuthorId);
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Equal("Sunday heating", story.Title);
        var quote = Assert.Single(story.Quotes);
        Assert.Equal("Thank you for fixing my heating on a Sunday.", quote.Text);
        Assert.Equal(QuoteSource.ThankYouLink, quote.Source);
        Assert.Equal("Rosa", quote.Attribution);
        Assert.Equal(ThanksStatus.Approved, thanks.Status);
        Assert.Equal((Manager, Now.AddHours(1)), (thanks.DecidedById, thanks.DecidedAt));
    }

    [Fact]
    public void A_draft_from_a_thank_you_records_the_approving_manager_as_who_started_it()
    {
        var story = Waiting().ApproveAsDraft(Manager, Person, null, Now.AddHours(1));

        var start = Assert.Single(story.History);
        Assert.Equal((null, StoryStatus.Draft, Manager, Now.AddHours(1)), (start.From, start.To, start.ActorId, start.At));
        Assert.Equal(Story.StartedFromThanksComment, start.Comment);
    }

    [Fact]
    public void An_overlong_title_is_refused_rather_than_cut_short()
    {
        var thanks = Waiting();

        Assert.Equal(["Title"], Refused(() => thanks.ApproveAsDraft(Manager, Person, new string('t', Story.TitleMaxLength + 1), Now)).Fields());
        Assert.Equal(ThanksStatus.Waiting, thanks.Status);
    }

    [Fact]
    public void A_draft_without_a_title_is_named_after_the_attribution()
    {
        var story = Waiting(naming: CustomerNaming.Anonymous).ApproveAsDraft(Manager, Person, null, Now);

        Assert.Equal("A customer said thank you", story.Title);
    }

    [Fact]
    public void A_persons_draft_cannot_go_to_someone_else()
    {
        var thanks = Waiting();

        Assert.Equal(["OwnerId"], Refused(() => thanks.ApproveAsDraft(Manager, "someone-else", null, Now)).Fields());
        Assert.Equal(ThanksStatus.Waiting, thanks.Status);
    }

    [Fact]
    public void A_team_thanks_draft_carries_the_team()
    {
        var thanks = Waiting(ThankYouLink.ForTeam(TeamId, Manager, null, null, Now.AddDays(-1)));

        var story = thanks.ApproveAsDraft(Manager, "member-id", null, Now);

        Assert.Equal("member-id", story.AuthorId);
        Assert.Equal(TeamId, Assert.Single(story.Teams).TeamId);
    }

    [Fact]
    public void Any_decision_erases_the_words_and_name_from_the_thanks()
    {
        var approved = Waiting();
        approved.ApproveAsDraft(Manager, Person, null, Now);
        var discarded = Waiting();
        discarded.Discard(Manager, Now);

        foreach (var thanks in new[] { approved, discarded })
        {
            Assert.Equal("", thanks.Text);
            Assert.Null(thanks.CustomerName);
            Assert.Equal(CustomerNaming.Anonymous, thanks.Naming);
        }

        Assert.Equal(ThanksStatus.Discarded, discarded.Status);
    }

    [Fact]
    public void A_thanks_is_decided_once()
    {
        var thanks = Waiting();
        thanks.Discard(Manager, Now);

        Assert.Contains("already discarded", Assert.Throws<DomainException>(() => thanks.Discard(Manager, Now)).Message);
        Assert.Throws<DomainException>(() => thanks.ApproveAsDraft(Manager, Person, null, Now));
    }

    [Fact]
    public void Approving_onto_a_published_story_of_the_person_adds_the_quote()
    {
        var story = new Story(Author, Complete(), Now);
        story.SetTeams([TeamId]);
        story.SetHeroes([Person]);
        story.Submit(Author, Now.AddMinutes(1));
        story.Publish(Reviewer, Now.AddMinutes(2));
        var thanks = Waiting();

        var quote = thanks.ApproveOnto(story, Manager, Now.AddHours(1));

        Assert.Contains(quote, story.Quotes);
        Assert.Equal(QuoteSource.ThankYouLink, quote.Source);
        Assert.Equal(ThanksStatus.Approved, thanks.Status);
    }

    [Fact]
    public void A_thanks_cannot_join_another_persons_story_or_a_draft()
    {
        var notTheirs = InStatus(StoryStatus.Published);
        var draft = new Story(Person, Complete(), Now);

        Assert.Equal(["StoryId"], Refused(() => Waiting().ApproveOnto(notTheirs, Manager, Now)).Fields());
        Assert.Equal(["StoryId"], Refused(() => Waiting().ApproveOnto(draft, Manager, Now)).Fields());
    }

    [Fact]
    public void Authors_cannot_edit_the_customers_own_words()
    {
        var story = Waiting().ApproveAsDraft(Manager, Person, null, Now);
        var quote = story.Quotes.Single();

        var refusal = Assert.Throws<DomainException>(() => story.EditQuote(quote.Id, Quote(), Now));
        Assert.Contains("cannot be changed", refusal.Message);

        story.RemoveQuote(quote.Id, Now);
        Assert.Empty(story.Quotes);
    }

    [Fact]
    public void Receiving_approving_and_discarding_raise_the_events_that_tell_people()
    {
        var thanks = Waiting();
        Assert.IsType<ThanksReceived>(Assert.Single(thanks.DomainEvents));

        var story = thanks.ApproveAsDraft(Manager, Person, null, Now.AddHours(1));
        var approved = Assert.IsType<ThanksApproved>(thanks.DomainEvents[^1]);
        Assert.True(approved.StartedDraft);
        Assert.Same(story, approved.Story);
        Assert.Equal(Manager, approved.ManagerId);

        var discarded = Waiting();
        discarded.Discard(Manager, Now.AddHours(2));
        Assert.IsType<ThanksDiscarded>(discarded.DomainEvents[^1]);
    }

    [Fact]
    public void The_second_manager_is_told_who_decided_first_and_when()
    {
        Assert.Equal(
            "Sam Okafor already approved this thank-you at 10:42 UTC.",
            CustomerThanks.AlreadyDecided("Sam Okafor", ThanksStatus.Approved, new DateTimeOffset(2026, 3, 10, 10, 42, 0, TimeSpan.Zero)));
        Assert.Equal(
            "Sam Okafor already discarded this thank-you at 10:42 UTC.",
            CustomerThanks.AlreadyDecided("Sam Okafor", ThanksStatus.Discarded, new DateTimeOffset(2026, 3, 10, 10, 42, 0, TimeSpan.Zero)));
    }
}
