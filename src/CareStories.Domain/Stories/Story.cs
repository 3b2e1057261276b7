using CareStories.Domain.Events;

namespace CareStories.Domain.Stories;

/// <summary>
/// A story of someone going the extra mile for a customer. It is written as a draft, submitted for review,
/// then published or sent back with the reviewer's comment; every change of status is kept in its history.
/// </summary>
public sealed partial class Story : AggregateRoot
{
    public const int TitleMaxLength = StoryContent.TitleMaxLength;
    public const int NarrativeMaxLength = StoryContent.NarrativeMaxLength;
    public const int PreventionMaxLength = StoryContent.PreventionMaxLength;
    public const int SpendPurposeMaxLength = Spend.PurposeMaxLength;
    public const decimal SpendMaxAmount = Spend.MaxAmount;
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

    private Story()
    {
    }

    /// <summary>Starts a draft; the author is its hero until they say otherwise.</summary>
    public Story(string authorId, StoryContent content, DateTimeOffset at)
        : this(authorId, content, authorId, null, at)
    {
    }

    /// <summary>The history's first entry says who started the story and how; nothing rewrites it later.</summary>
    private Story(string authorId, StoryContent content, string startedById, string? startComment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        AuthorId = authorId;
        CreatedAt = at;
        UpdatedAt = at;
        Status = StoryStatus.Draft;
        ApplyContent(content.Check(at));
        _heroes.Add(new StoryHero(authorId));
        _history.Add(new StoryStatusChange(null, StoryStatus.Draft, startedById, at, startComment));
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

    /// <summary>What was spent to put things right, if anything (an EF Core complex type in the story's row).</summary>
    public Spend? Spend { get; private set; }

    public StoryStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The reviewer's comment when the story was last sent back; the author sees it beside the story.</summary>
    public string? ReviewComment { get; private set; }

    /// <summary>
    /// Bumped on every saved change (by the DbContext) and checked on save, so two people deciding the same story at
    /// once cannot both win: the second save is refused and told who decided first.
    /// </summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<StoryHero> Heroes => _heroes;

    public IReadOnlyCollection<StoryTeam> Teams => _teams;

    public IReadOnlyCollection<StoryValue> Values => _values;

    public IReadOnlyCollection<CustomerQuote> Quotes => _quotes;

    public IReadOnlyCollection<StoryPhoto> Photos => _photos;

    /// <summary>Photos an Admin took down; pages read these by query, a takedown only adds one.</summary>
    public IReadOnlyCollection<PhotoTakedown> PhotoTakedowns => _photoTakedowns;

    /// <summary>Append-only: a change of status adds an entry; nothing replaces or edits one.</summary>
    public IReadOnlyCollection<StoryStatusChange> History => _history;

    /// <summary>The author may change the story and its quotes while it is a draft or has been sent back.</summary>
    public bool IsEditable => Status.IsEditable();

    public void Edit(StoryContent content, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureEditable();
        ApplyContent(content.Check(at));
        UpdatedAt = at;
    }

    /// <summary>Credits these people; nominating colleagues is allowed, the author need not be among them.</summary>
    public void SetHeroes(IReadOnlyCollection<string> personIds)
    {
        EnsureEditable();
        var wanted = WantedHeroes(personIds);
        if (HeroesRefusal(wanted.Count) is { } refusal)
        {
            throw new DomainException([refusal]);
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

    /// <summary>What still has to be filled in before the story can go to review.</summary>
    public IReadOnlyList<DomainError> MissingForReview() =>
        MissingForReview(OccurredOn, Situation, ImmediateAction, Outcome, _heroes.Count, _teams.Count);

    /// <summary>
    /// Every reason this content, with these people and teams, could not be submitted: what is wrong with the
    /// content and what is still missing, at most one message per field, so the form names them all at once
    /// instead of stopping at the first refusal. Empty when <see cref="Submit"/> would accept it.
    /// </summary>
    public static IReadOnlyList<DomainError> WhyNotSubmittable(
        StoryContent content, IReadOnlyCollection<string> heroIds, IReadOnlyCollection<int> teamIds, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<DomainError>();
        var checkedContent = content.Check(at, errors);
        var heroes = WantedHeroes(heroIds).Count;
        if (HeroesRefusal(heroes) is { } refusal)
        {
            errors.Add(refusal);
        }

        var missing = MissingForReview(
            checkedContent.OccurredOn, checkedContent.Situation, checkedContent.ImmediateAction, checkedContent.Outcome,
            heroes, teamIds.Distinct().Count());
        errors.AddRange(missing.Where(m => !errors.Exists(e => e.Field == m.Field)));
        return errors;
    }

    private static List<string> WantedHeroes(IEnumerable<string> personIds) =>
        personIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();

    private static DomainError? HeroesRefusal(int count) => count switch
    {
        0 => new("Heroes", "Choose at least one person to credit: yourself or a colleague."),
        > MaxHeroes => new("Heroes", $"Credit at most {MaxHeroes} people on one story."),
        _ => null,
    };

    private static List<DomainError> MissingForReview(
        DateOnly? occurredOn, string? situation, string? immediateAction, string? outcome, int heroes, int teams)
    {
        var missing = new List<DomainError>();
        if (occurredOn is null)
        {
            missing.Add(new(nameof(OccurredOn), "Enter when it happened."));
        }

        if (situation is null)
        {
            missing.Add(new(nameof(Situation), "Describe the customer's situation."));
        }

        if (immediateAction is null)
        {
            missing.Add(new(nameof(ImmediateAction), "Say what was done right away."));
        }

        if (outcome is null)
        {
            missing.Add(new(nameof(Outcome), "Say how it turned out for the customer."));
        }

        if (heroes == 0)
        {
            missing.Add(new("Heroes", "Choose at least one person to credit."));
        }

        if (teams == 0)
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
            Raise(new StoryPublished(this, actorId, at));
        }
        else
        {
            Raise(new StorySubmitted(this, at));
        }
    }

    /// <summary>A reviewer publishes a story waiting for review. Nobody reviews a story they wrote or star in.</summary>
    public void Publish(string reviewerId, DateTimeOffset at)
    {
        EnsureReviewable(reviewerId);
        PublishedAt = at;
        ReviewComment = null;
        MoveTo(StoryStatus.Published, reviewerId, at, null);
        Raise(new StoryPublished(this, reviewerId, at));
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
        Raise(new StorySentBack(this, reviewerId, at));
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
        MoveTo(StoryStatus.Withdrawn, actorId, at, null);
        // Its featuring is its own aggregate; the event takes it down in the same save.
        Raise(new StoryWithdrawn(Id, at));
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
    /// The few facts recognition rules read, from this loaded story (its heroes and teams loaded). The author's teams
    /// are not loaded, so its review teams here are only its own: ask the database's facts for who may review it.
    /// </summary>
    public StoryAccessFacts Facts() =>
        new(Id, AuthorId, Status, _heroes.Select(h => h.PersonId).ToList(), _teams.Select(t => t.TeamId).ToList());

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

    private void MoveTo(StoryStatus to, string actorId, DateTimeOffset at, string? comment)
    {
        // Leaving review records the submission it answers (SubmittedAt is set by every submission, the latest).
        var answers = Status == StoryStatus.Submitted && to is StoryStatus.Published or StoryStatus.ChangesRequested
            ? SubmittedAt
            : null;
        _history.Add(new StoryStatusChange(Status, to, actorId, at, comment, answers));
        Status = to;
        UpdatedAt = at;
    }

    private void ApplyContent(CheckedStoryContent content)
    {
        Title = content.Title;
        OccurredOn = content.OccurredOn;
        Situation = content.Situation;
        ImmediateAction = content.ImmediateAction;
        Prevention = content.Prevention;
        Outcome = content.Outcome;
        Spend = content.Spend;
    }
}
