using System.Globalization;
using CareStories.Domain.Catalogue;
using CareStories.Domain.People;

namespace CareStories.Domain.Stories;

/// <summary>What was spent to put things right: an amount in a currency, and what it paid for.</summary>
public sealed record Spend(decimal Amount, string Currency, string Purpose)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:N2}");
}

/// <summary>What the author writes; everything but the title may stay empty while it is a draft.</summary>
public sealed record StoryContent(
    string? Title,
    DateOnly? OccurredOn,
    string? Situation,
    string? ImmediateAction,
    string? Prevention,
    string? Outcome,
    decimal? SpendAmount,
    string? SpendCurrency,
    string? SpendPurpose);

/// <summary>
/// A story of someone going the extra mile for a customer. It is written as a draft, submitted for review,
/// then published or sent back with the reviewer's comment; every change of status is kept in its history.
/// </summary>
public sealed class Story
{
    public const int TitleMaxLength = 120;
    public const int NarrativeMaxLength = 4000;
    public const int PreventionMaxLength = 2000;
    public const int SpendPurposeMaxLength = 200;
    public const decimal SpendMaxAmount = 100_000m;
    public const int MaxHeroes = 12;
    public const int MaxQuotes = 10;
    public const int MaxPhotos = 6;

    /// <summary>Leaders feature a few stories at most, so the pinned ones stay special.</summary>
    public const int MaxFeatured = 3;

    public const string PublishedWithoutReviewComment = "Published on submission: the company does not require review.";

    private readonly List<StoryHero> _heroes = [];
    private readonly List<StoryTeam> _teams = [];
    private readonly List<StoryValue> _values = [];
    private readonly List<CustomerQuote> _quotes = [];
    private readonly List<StoryPhoto> _photos = [];
    private readonly List<PhotoTakedown> _photoTakedowns = [];
    private readonly List<StoryStatusChange> _history = [];
    private readonly List<Celebration> _celebrations = [];
    private readonly List<Applause> _applause = [];
    private readonly List<Comment> _comments = [];

    private Story()
    {
    }

    /// <summary>Starts a draft; the author is its hero until they say otherwise.</summary>
    public Story(string authorId, StoryContent content, DateTimeOffset at)
    {
        AuthorId = authorId;
        CreatedAt = at;
        UpdatedAt = at;
        Status = StoryStatus.Draft;
        ApplyContent(content, at);
        _heroes.Add(new StoryHero(authorId));
        _history.Add(new StoryStatusChange(null, StoryStatus.Draft, authorId, at, null));
    }

    /// <summary>What the history says of a draft a manager started by approving a customer's thank-you.</summary>
    public const string StartedFromThanksComment = "Approved a customer's thank-you and started this draft from it.";

    public int Id { get; private set; }

    public string AuthorId { get; private set; } = "";

    public Person Author { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public DateOnly? OccurredOn { get; private set; }

    public string? Situation { get; private set; }

    public string? ImmediateAction { get; private set; }

    public string? Prevention { get; private set; }

    public string? Outcome { get; private set; }

    public decimal? SpendAmount { get; private set; }

    public string? SpendCurrency { get; private set; }

    public string? SpendPurpose { get; private set; }

    public StoryStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The reviewer's comment when the story was last sent back; the author sees it beside the story.</summary>
    public string? ReviewComment { get; private set; }

    /// <summary>When a leader pinned the story to the top of the feed; null when it is not featured.</summary>
    public DateTimeOffset? FeaturedAt { get; private set; }

    public string? FeaturedById { get; private set; }

    public Spend? Spend => SpendAmount is { } amount && SpendCurrency is { } currency
        ? new Spend(amount, currency, SpendPurpose ?? "")
        : null;

    public IReadOnlyCollection<StoryHero> Heroes => _heroes;

    public IReadOnlyCollection<StoryTeam> Teams => _teams;

    public IReadOnlyCollection<StoryValue> Values => _values;

    public IReadOnlyCollection<CustomerQuote> Quotes => _quotes;

    public IReadOnlyCollection<StoryPhoto> Photos => _photos;

    /// <summary>Photos an Admin took down; pages read these by query, a takedown only adds one.</summary>
    public IReadOnlyCollection<PhotoTakedown> PhotoTakedowns => _photoTakedowns;

    public IReadOnlyCollection<StoryStatusChange> History => _history;

    /// <summary>Pages load only the celebrations, applause or comments a change needs (filtered includes).</summary>
    public IReadOnlyCollection<Celebration> Celebrations => _celebrations;

    public IReadOnlyCollection<Applause> Applause => _applause;

    public IReadOnlyCollection<Comment> Comments => _comments;

    /// <summary>The author may change the story and its quotes while it is a draft or has been sent back.</summary>
    public bool IsEditable => Status.IsEditable();

    public void Edit(StoryContent content, DateTimeOffset at)
    {
        EnsureEditable();
        ApplyContent(content, at);
        UpdatedAt = at;
    }

    /// <summary>Credits these people; nominating colleagues is allowed, the author need not be among them.</summary>
    public void SetHeroes(IReadOnlyCollection<string> personIds)
    {
        EnsureEditable();
        var wanted = personIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            throw new DomainException("Choose at least one person to credit: yourself or a colleague.", "Heroes");
        }

        if (wanted.Count > MaxHeroes)
        {
            throw new DomainException($"Credit at most {MaxHeroes} people on one story.", "Heroes");
        }

        _heroes.RemoveAll(h => !wanted.Contains(h.PersonId));
        foreach (var id in wanted.Where(id => _heroes.TrueForAll(h => h.PersonId != id)))
        {
            _heroes.Add(new StoryHero(id));
        }
    }

    public void SetTeams(IReadOnlyCollection<int> teamIds)
    {
        EnsureEditable();
        var wanted = teamIds.Distinct().ToList();
        _teams.RemoveAll(t => !wanted.Contains(t.TeamId));
        foreach (var id in wanted.Where(id => _teams.TrueForAll(t => t.TeamId != id)))
        {
            _teams.Add(new StoryTeam(id));
        }
    }

    public void SetValues(IReadOnlyCollection<int> valueIds)
    {
        EnsureEditable();
        var wanted = valueIds.Distinct().ToList();
        _values.RemoveAll(v => !wanted.Contains(v.ValueId));
        foreach (var id in wanted.Where(id => _values.TrueForAll(v => v.ValueId != id)))
        {
            _values.Add(new StoryValue(id));
        }
    }

    public CustomerQuote AddQuote(QuoteDetails details, DateTimeOffset at)
    {
        EnsureEditable();
        EnsureTypedIn(details);
        if (_quotes.Count >= MaxQuotes)
        {
            throw new DomainException($"A story can carry at most {MaxQuotes} quotes. Remove one to add another.");
        }

        var quote = new CustomerQuote(details, TextRules.LatestToday(at), at);
        _quotes.Add(quote);
        UpdatedAt = at;
        return quote;
    }

    public void EditQuote(int quoteId, QuoteDetails details, DateTimeOffset at)
    {
        EnsureEditable();
        EnsureTypedIn(details);
        FindQuote(quoteId).Edit(details, TextRules.LatestToday(at));
        UpdatedAt = at;
    }

    /// <summary>
    /// A customer's thank-you a manager approved onto this story. It may join a story under review or already
    /// published, because the manager, not the author, vouches for it; a draft only through its author's hands.
    /// </summary>
    public CustomerQuote AttachThanks(QuoteDetails details, DateTimeOffset at)
    {
        if (Status is StoryStatus.Withdrawn or StoryStatus.Draft)
        {
            throw new DomainException(
                $"A thank-you cannot be added to a story that is {Status.Label().ToLowerInvariant()}. Choose another story or start a draft.",
                "StoryId");
        }

        if (_quotes.Count >= MaxQuotes)
        {
            throw new DomainException($"That story already carries {MaxQuotes} quotes. Choose another story or start a draft.", "StoryId");
        }

        var quote = new CustomerQuote(details, TextRules.LatestToday(at), at);
        _quotes.Add(quote);
        UpdatedAt = at;
        return quote;
    }

    /// <summary>
    /// A customer's approved thank-you starting a new draft: the words are the customer's, not typed in, and the
    /// history says the approving manager started it, not its owner.
    /// </summary>
    internal CustomerQuote AddThanksToDraft(QuoteDetails details, string managerId, DateTimeOffset at)
    {
        EnsureEditable();
        if (_history.Count == 1 && _history[0].From is null)
        {
            _history[0] = new StoryStatusChange(null, StoryStatus.Draft, managerId, at, StartedFromThanksComment);
        }

        var quote = new CustomerQuote(details, TextRules.LatestToday(at), at);
        _quotes.Add(quote);
        return quote;
    }

    /// <summary>
    /// Removes a quote's words or who it is from, for privacy, whatever the story's status. The original is not
    /// kept; who removed it, when and why is.
    /// </summary>
    public QuoteRedaction RedactQuote(int quoteId, QuotePart part, string adminId, string? reason, DateTimeOffset at) =>
        FindQuote(quoteId).Redact(part, adminId, reason, at);

    /// <summary>Checks there is room for one more photo, before anything is decoded or stored.</summary>
    public void EnsureRoomForPhoto()
    {
        EnsureEditable();
        if (_photos.Count >= MaxPhotos)
        {
            throw new DomainException($"A story can carry at most {MaxPhotos} photos. Remove one to add another.", "Photo");
        }
    }

    public StoryPhoto AddPhoto(StoredPhotoFile file, string? altText, DateTimeOffset at)
    {
        EnsureRoomForPhoto();
        var text = StoryPhoto.NormalizeAltText(altText);
        var photo = new StoryPhoto(file, text, _photos.Count == 0 ? 0 : _photos.Max(p => p.Position) + 1, at);
        _photos.Add(photo);
        UpdatedAt = at;
        return photo;
    }

    public void DescribePhoto(int photoId, string? altText, DateTimeOffset at)
    {
        EnsureEditable();
        FindPhoto(photoId).Describe(altText ?? "");
        UpdatedAt = at;
    }

    /// <summary>Takes the photo off the story; the caller deletes its stored files once the change is saved.</summary>
    public StoryPhoto RemovePhoto(int photoId, DateTimeOffset at)
    {
        EnsureEditable();
        var photo = FindPhoto(photoId);
        _photos.Remove(photo);
        UpdatedAt = at;
        return photo;
    }

    /// <summary>
    /// An Admin takes a photo off the story whatever its status (a face, a licence plate, an address), with a reason
    /// kept on record. The photo itself is not kept; the caller deletes its stored files once the change is saved.
    /// </summary>
    public StoryPhoto TakeDownPhoto(int photoId, string adminId, string? reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminId);
        var why = TextRules.Normalize(reason);
        if (why.Length == 0)
        {
            throw new DomainException("Say why the photo is being removed; the reason is kept on record.", "Reason");
        }

        if (why.Length > PhotoTakedown.ReasonMaxLength)
        {
            throw new DomainException($"Keep the reason to {PhotoTakedown.ReasonMaxLength} characters or fewer.", "Reason");
        }

        var photo = FindPhoto(photoId);
        _photos.Remove(photo);
        _photoTakedowns.Add(new PhotoTakedown(adminId, why, at));
        return photo;
    }

    public void RemoveQuote(int quoteId, DateTimeOffset at)
    {
        EnsureEditable();
        _quotes.Remove(FindQuote(quoteId));
        UpdatedAt = at;
    }

    /// <summary>What still has to be filled in before the story can go to review.</summary>
    public IReadOnlyList<DomainError> MissingForReview()
    {
        var missing = new List<DomainError>();
        if (OccurredOn is null)
        {
            missing.Add(new(nameof(OccurredOn), "Enter when it happened."));
        }

        if (Situation is null)
        {
            missing.Add(new(nameof(Situation), "Describe the customer's situation."));
        }

        if (ImmediateAction is null)
        {
            missing.Add(new(nameof(ImmediateAction), "Say what was done right away."));
        }

        if (Outcome is null)
        {
            missing.Add(new(nameof(Outcome), "Say how it turned out for the customer."));
        }

        if (_heroes.Count == 0)
        {
            missing.Add(new("Heroes", "Choose at least one person to credit."));
        }

        if (_teams.Count == 0)
        {
            missing.Add(new("Teams", "Choose at least one team."));
        }

        return missing;
    }

    /// <summary>
    /// Sends a complete draft, or a story that was sent back, for review. Where the company does not require
    /// review, it is published at once, and the history says so.
    /// </summary>
    public void Submit(string actorId, DateTimeOffset at, bool publishWithoutReview = false)
    {
        if (!IsEditable)
        {
            throw new DomainException(Status == StoryStatus.Submitted
                ? "This story is already waiting for review."
                : $"A story that is {Status.Label().ToLowerInvariant()} cannot be submitted.");
        }

        var missing = MissingForReview();
        if (missing.Count > 0)
        {
            throw new DomainException(missing);
        }

        SubmittedAt = at;
        MoveTo(StoryStatus.Submitted, actorId, at, null);
        if (publishWithoutReview)
        {
            PublishedAt = at;
            ReviewComment = null;
            MoveTo(StoryStatus.Published, actorId, at, PublishedWithoutReviewComment);
        }
    }

    /// <summary>A reviewer publishes a story waiting for review. Nobody reviews a story they wrote or star in.</summary>
    public void Publish(string reviewerId, DateTimeOffset at)
    {
        EnsureReviewable(reviewerId);
        PublishedAt = at;
        ReviewComment = null;
        MoveTo(StoryStatus.Published, reviewerId, at, null);
    }

    /// <summary>A reviewer sends the story back to its author with a comment saying what to change.</summary>
    public void RequestChanges(string reviewerId, string? comment, DateTimeOffset at)
    {
        EnsureReviewable(reviewerId);
        var text = TextRules.Normalize(comment);
        if (text.Length == 0)
        {
            throw new DomainException("Tell the author what to change.", "Comment");
        }

        if (text.Length > StoryStatusChange.CommentMaxLength)
        {
            throw new DomainException(
                $"Keep the comment to {StoryStatusChange.CommentMaxLength} characters or fewer.", "Comment");
        }

        ReviewComment = text;
        MoveTo(StoryStatus.ChangesRequested, reviewerId, at, text);
    }

    /// <summary>The author takes back a story that is waiting, sent back or published.</summary>
    public void Withdraw(string actorId, DateTimeOffset at)
    {
        if (!Status.CanBeWithdrawn())
        {
            throw new DomainException(Status == StoryStatus.Draft
                ? "A draft is not shared with anyone yet; delete it instead if you no longer want it."
                : "This story has already been withdrawn.");
        }

        PublishedAt = null;
        FeaturedAt = null;
        FeaturedById = null;
        MoveTo(StoryStatus.Withdrawn, actorId, at, null);
    }

    /// <summary>The author turns a withdrawn story back into a draft to work on it again.</summary>
    public void Reopen(string actorId, DateTimeOffset at)
    {
        if (Status != StoryStatus.Withdrawn)
        {
            throw new DomainException("Only a withdrawn story can be reopened as a draft.");
        }

        ReviewComment = null;
        MoveTo(StoryStatus.Draft, actorId, at, null);
    }

    /// <summary>
    /// A manager or leader celebrates a published story with a badge and a message, once each. Nobody
    /// celebrates a story they wrote or are credited in. Needs this person's celebration loaded, if any.
    /// </summary>
    public Celebration Celebrate(string celebratorId, Badge badge, string? message, DateTimeOffset at)
    {
        EnsurePublished("celebrated");
        if (celebratorId == AuthorId || _heroes.Exists(h => h.PersonId == celebratorId))
        {
            throw new DomainException("You cannot celebrate a story you wrote or are credited in.");
        }

        if (_celebrations.Exists(c => c.CelebratorId == celebratorId))
        {
            throw new DomainException("You have already celebrated this story.");
        }

        var errors = new List<DomainError>();
        if (badge.IsRetired)
        {
            errors.Add(new("BadgeId", "That badge has been retired. Choose another."));
        }

        var text = TextRules.Normalize(message);
        if (text.Length == 0)
        {
            errors.Add(new("Message", "Write a message to the people in the story."));
        }
        else if (text.Length > Celebration.MessageMaxLength)
        {
            errors.Add(new("Message", $"Keep the message to {Celebration.MessageMaxLength:N0} characters or fewer (it has {text.Length:N0})."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var celebration = new Celebration(celebratorId, badge.Id, text, at);
        _celebrations.Add(celebration);
        return celebration;
    }

    /// <summary>Anyone signed in applauds a published story once. Needs this person's applause loaded, if any.</summary>
    public void Applaud(string personId, DateTimeOffset at)
    {
        EnsurePublished("applauded");
        if (_applause.Exists(a => a.PersonId == personId))
        {
            throw new DomainException("You have already applauded this story.");
        }

        _applause.Add(new Applause(personId, at));
    }

    /// <summary>Takes back this person's applause; nothing happens if they had not applauded.</summary>
    public void WithdrawApplause(string personId) => _applause.RemoveAll(a => a.PersonId == personId);

    public Comment AddComment(string authorId, string? text, DateTimeOffset at)
    {
        EnsurePublished("commented on");
        var comment = new Comment(authorId, Comment.CheckText(text), at);
        _comments.Add(comment);
        return comment;
    }

    /// <summary>The writer changes their comment. Needs that comment loaded.</summary>
    public void EditComment(int commentId, string personId, string? text, DateTimeOffset at) =>
        FindComment(commentId).Edit(personId, text, at);

    /// <summary>The writer deletes their comment. Needs that comment loaded.</summary>
    public void DeleteComment(int commentId, string personId)
    {
        var comment = FindComment(commentId);
        comment.EnsureWriter(personId, "delete");
        if (comment.IsHidden)
        {
            // Deleting it would erase the record of the moderation.
            throw new DomainException("This comment was hidden by an admin and stays on record, so it cannot be deleted.");
        }

        _comments.Remove(comment);
    }

    /// <summary>An Admin hides a comment from everyone, with a reason kept on record. Needs that comment loaded.</summary>
    public void HideComment(int commentId, string adminId, string? reason, DateTimeOffset at) =>
        FindComment(commentId).Hide(adminId, reason, at);

    /// <summary>
    /// A leader pins a published story to the top of the feed. <paramref name="featuredNow"/> is how many stories
    /// are featured already; at most <see cref="MaxFeatured"/> are.
    /// </summary>
    public void Feature(string leaderId, int featuredNow, DateTimeOffset at)
    {
        EnsurePublished("featured");
        if (FeaturedAt is not null)
        {
            throw new DomainException("This story is already featured.");
        }

        if (featuredNow >= MaxFeatured)
        {
            throw new DomainException($"At most {MaxFeatured} stories can be featured at once. Unfeature one first.");
        }

        FeaturedAt = at;
        FeaturedById = leaderId;
    }

    public void Unfeature()
    {
        if (FeaturedAt is null)
        {
            throw new DomainException("This story is not featured.");
        }

        FeaturedAt = null;
        FeaturedById = null;
    }

    /// <summary>Only drafts can be deleted; anything once shared stays on record and is withdrawn instead.</summary>
    public void EnsureDeletable()
    {
        if (Status != StoryStatus.Draft)
        {
            throw new DomainException("Only a draft can be deleted. Withdraw the story instead.");
        }
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException(
                $"A story that is {Status.Label().ToLowerInvariant()} cannot be changed. " +
                (Status == StoryStatus.Submitted ? "Withdraw it first, or wait for the review." : ""));
        }
    }

    private void EnsureReviewable(string reviewerId)
    {
        if (Status != StoryStatus.Submitted)
        {
            throw new DomainException("Only a story waiting for review can be reviewed.");
        }

        if (reviewerId == AuthorId || _heroes.Exists(h => h.PersonId == reviewerId))
        {
            throw new DomainException("You cannot review a story you wrote or are credited in; another manager must.");
        }
    }

    private void EnsurePublished(string verb)
    {
        if (Status != StoryStatus.Published)
        {
            throw new DomainException($"Only a published story can be {verb}.");
        }
    }

    private Comment FindComment(int commentId) =>
        _comments.Find(c => c.Id == commentId) ?? throw new DomainException("That comment is not on this story.");

    private static void EnsureTypedIn(QuoteDetails details)
    {
        if (details.Source == QuoteSource.ThankYouLink)
        {
            throw new DomainException("Choose where the customer's words came from.", "Source");
        }
    }

    private StoryPhoto FindPhoto(int photoId) =>
        _photos.Find(p => p.Id == photoId) ?? throw new DomainException("That photo is not on this story.");

    private CustomerQuote FindQuote(int quoteId) =>
        _quotes.Find(q => q.Id == quoteId) ?? throw new DomainException("That quote is not on this story.");

    private void MoveTo(StoryStatus to, string actorId, DateTimeOffset at, string? comment)
    {
        _history.Add(new StoryStatusChange(Status, to, actorId, at, comment));
        Status = to;
        UpdatedAt = at;
    }

    private void ApplyContent(StoryContent content, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        var title = TextRules.SingleLine(content.Title);
        if (title.Length == 0)
        {
            errors.Add(new(nameof(Title), "Give the story a title."));
        }
        else if (title.Length > TitleMaxLength)
        {
            errors.Add(new(nameof(Title), $"Keep the title to {TitleMaxLength} characters or fewer."));
        }

        if (content.OccurredOn is { } occurred)
        {
            if (occurred > TextRules.LatestToday(at))
            {
                errors.Add(new(nameof(OccurredOn), "The date it happened cannot be in the future."));
            }
            else if (occurred < new DateOnly(2000, 1, 1))
            {
                errors.Add(new(nameof(OccurredOn), "Enter a date from 2000 onwards."));
            }
        }

        var situation = Narrative(content.Situation, nameof(Situation), NarrativeMaxLength, errors);
        var action = Narrative(content.ImmediateAction, nameof(ImmediateAction), NarrativeMaxLength, errors);
        var prevention = Narrative(content.Prevention, nameof(Prevention), PreventionMaxLength, errors);
        var outcome = Narrative(content.Outcome, nameof(Outcome), NarrativeMaxLength, errors);

        var purpose = TextRules.NormalizeOptional(content.SpendPurpose);
        var currency = TextRules.SingleLine(content.SpendCurrency).ToUpperInvariant();
        var anySpend = content.SpendAmount is not null || currency.Length > 0 || purpose is not null;
        if (anySpend)
        {
            if (content.SpendAmount is not { } amount)
            {
                errors.Add(new(nameof(SpendAmount), "Enter the amount spent, or clear the spend fields."));
            }
            else if (amount <= 0 || amount > SpendMaxAmount)
            {
                errors.Add(new(nameof(SpendAmount), $"Enter an amount above 0 and up to {SpendMaxAmount:N0}."));
            }
            else if (decimal.Round(amount, 2) != amount)
            {
                errors.Add(new(nameof(SpendAmount), "Enter the amount with at most two decimal places."));
            }

            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                errors.Add(new(nameof(SpendCurrency), "Enter a three-letter currency code, such as EUR or USD."));
            }

            if (purpose is null)
            {
                errors.Add(new(nameof(SpendPurpose), "Say what the money paid for."));
            }
            else if (purpose.Length > SpendPurposeMaxLength)
            {
                errors.Add(new(nameof(SpendPurpose), $"Keep this to {SpendPurposeMaxLength} characters or fewer."));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Title = title;
        OccurredOn = content.OccurredOn;
        Situation = situation;
        ImmediateAction = action;
        Prevention = prevention;
        Outcome = outcome;
        SpendAmount = anySpend ? content.SpendAmount : null;
        SpendCurrency = anySpend ? currency : null;
        SpendPurpose = anySpend ? purpose : null;
    }

    private static string? Narrative(string? text, string field, int max, List<DomainError> errors)
    {
        var normalized = TextRules.NormalizeOptional(text);
        if (normalized is { Length: var length } && length > max)
        {
            errors.Add(new(field, $"Keep this to {max:N0} characters or fewer (it has {length:N0})."));
        }

        return normalized;
    }
}
