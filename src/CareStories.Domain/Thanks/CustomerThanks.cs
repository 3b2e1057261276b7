using CareStories.Domain.Events;

namespace CareStories.Domain.Thanks;

public enum ThanksStatus
{
    Waiting = 0,
    Approved = 1,
    Discarded = 2,
}

public static class ThanksStatusText
{
    public static string Label(this ThanksStatus status) => status switch
    {
        ThanksStatus.Waiting => "Waiting for approval",
        ThanksStatus.Approved => "Approved",
        ThanksStatus.Discarded => "Discarded",
        _ => status.ToString(),
    };
}

/// <summary>What a customer fills in on the public form. Nothing else about them is asked for or kept.</summary>
public sealed record ThanksSubmission(string? Text, CustomerNaming Naming, string? CustomerName, bool Consent);

/// <summary>
/// A customer's thank-you received through a link. It waits for a manager of the person or team it thanks, who
/// approves it (it becomes a quote: on a new draft for the person, or on a story the manager chooses) or
/// discards it (its words and name are erased at once).
/// </summary>
public sealed class CustomerThanks : AggregateRoot
{
    public const int TextMaxLength = CustomerQuote.TextMaxLength;
    public const int TitleMaxLength = Story.TitleMaxLength;

    private CustomerThanks()
    {
    }

    private CustomerThanks(ThankYouLink link, string text, CustomerNaming naming, string? name, DateTimeOffset at)
    {
        LinkId = link.Id;
        Link = link;
        PersonId = link.PersonId;
        TeamId = link.TeamId;
        Text = text;
        Naming = naming;
        CustomerName = name;
        ReceivedAt = at;
        Status = ThanksStatus.Waiting;
    }

    public int Id { get; private set; }

    public int LinkId { get; private set; }

    public ThankYouLink Link { get; private set; } = null!;

    /// <summary>Copied from the link, so the queue and the voice page need not look through it.</summary>
    public string? PersonId { get; private set; }

    public Person? Person { get; private set; }

    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }

    /// <summary>The customer's words while waiting; once decided they live in the quote (approved) or nowhere (discarded).</summary>
    public string Text { get; private set; } = "";

    public CustomerNaming Naming { get; private set; }

    public string? CustomerName { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public ThanksStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedById { get; private set; }

    public Person? DecidedBy { get; private set; }

    /// <summary>The story the approved thank-you went to: a new draft or the story the manager chose.</summary>
    public int? StoryId { get; private set; }

    public Story? Story { get; private set; }

    /// <summary>Bumped on every saved change and checked on save: two managers cannot both decide it.</summary>
    public int Version { get; private set; }

    /// <summary>The quote it became; null once the quote or its story is deleted.</summary>
    public int? QuoteId { get; private set; }

    public CustomerQuote? Quote { get; private set; }

    /// <summary>How the waiting thank-you is signed, as the customer chose.</summary>
    public string Attribution => QuoteText.Attribution(Naming, CustomerName);

    /// <summary>Takes in a customer's thank-you: consent is required, and the name is kept only as they chose.</summary>
    public static CustomerThanks Receive(ThankYouLink link, ThanksSubmission submission, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(submission);
        if (!link.IsOpenAt(at))
        {
            throw new DomainException("This thank-you link is no longer open.");
        }

        var errors = new List<DomainError>();
        var text = TextRules.Normalize(submission.Text);
        if (text.Length == 0)
        {
            errors.Add(new(nameof(Text), "Write a few words of thanks."));
        }
        else if (text.Length > TextMaxLength)
        {
            errors.Add(new(nameof(Text), $"Keep your message to {TextMaxLength:N0} characters or fewer (it is {text.Length:N0} now)."));
        }

        var name = QuoteText.NameAsConsented(submission.Naming, submission.CustomerName, errors, customerWrites: true);
        if (!submission.Consent)
        {
            errors.Add(new(nameof(submission.Consent), "Tick the box to let us share your words with our staff. Without it we cannot keep your message."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var thanks = new CustomerThanks(link, text, submission.Naming, name, at);
        thanks.Raise(new ThanksReceived(thanks, at));
        return thanks;
    }

    /// <summary>
    /// Approves the thank-you as a new draft story owned by <paramref name="ownerId"/> (the person thanked, or a
    /// member of the team thanked), with the customer's words as its quote. The caller checks who may decide.
    /// </summary>
    public Story ApproveAsDraft(string managerId, string ownerId, string? title, DateTimeOffset at)
    {
        EnsureWaiting();
        if (PersonId is not null && ownerId != PersonId)
        {
            throw new DomainException("The draft goes to the person the customer thanked.", "OwnerId");
        }

        var heading = TextRules.SingleLine(title);
        if (heading.Length > TitleMaxLength)
        {
            throw new DomainException($"Keep the title to {TitleMaxLength:N0} characters or fewer.", "Title");
        }

        if (heading.Length == 0)
        {
            // The longest name a customer may give (100) still fits the title.
            heading = $"{Attribution} said thank you";
        }

        var (story, quote) = Story.StartFromThanks(ownerId, managerId, heading, TeamId, QuoteDetails(), at);
        Decide(ThanksStatus.Approved, managerId, at);
        Story = story;
        Quote = quote;
        Raise(new ThanksApproved(this, story, StartedDraft: true, managerId, at));
        return story;
    }

    /// <summary>
    /// Approves the thank-you as a quote on a story the manager chose: one the person thanked wrote or is credited
    /// in, or one of the team thanked.
    /// </summary>
    public CustomerQuote ApproveOnto(Story story, string managerId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(story);
        EnsureWaiting();
        var belongs = PersonId is { } personId
            ? story.AuthorId == personId || story.Heroes.Any(h => h.PersonId == personId)
            : story.Teams.Any(t => t.TeamId == TeamId);
        if (!belongs)
        {
            throw new DomainException(
                PersonId is not null
                    ? "Choose a story the person thanked wrote or is credited in."
                    : "Choose a story of the team thanked.",
                "StoryId");
        }

        var quote = story.AttachThanks(QuoteDetails(), at);
        Decide(ThanksStatus.Approved, managerId, at);
        Story = story;
        StoryId = story.Id;
        Quote = quote;
        Raise(new ThanksApproved(this, story, StartedDraft: false, managerId, at));
        return quote;
    }

    /// <summary>Discards the thank-you: the customer's words and name are erased, only the fact of it stays.</summary>
    public void Discard(string managerId, DateTimeOffset at)
    {
        EnsureWaiting();
        Decide(ThanksStatus.Discarded, managerId, at);
        Raise(new ThanksDiscarded(this, managerId, at));
    }

    /// <summary>What the second of two managers deciding at once is told: who decided first, and when.</summary>
    public static string AlreadyDecided(string deciderName, ThanksStatus status, DateTimeOffset at) =>
        $"{deciderName} already {(status == ThanksStatus.Approved ? "approved" : "discarded")} this thank-you at {at.UtcDateTime:HH:mm} UTC.";

    private QuoteDetails QuoteDetails() =>
        new(Text, QuoteSource.ThankYouLink, DateOnly.FromDateTime(ReceivedAt.UtcDateTime), Naming, CustomerName);

    private void Decide(ThanksStatus status, string managerId, DateTimeOffset at)
    {
        Status = status;
        DecidedById = managerId;
        DecidedAt = at;
        Text = "";
        Naming = CustomerNaming.Anonymous;
        CustomerName = null;
    }

    private void EnsureWaiting()
    {
        if (Status != ThanksStatus.Waiting)
        {
            throw new DomainException($"This thank-you was already {Status.Label().ToLowerInvariant()}.");
        }
    }
}
