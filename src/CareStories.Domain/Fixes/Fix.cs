using CareStories.Domain.Events;

namespace CareStories.Domain.Fixes;

/// <summary>Who is acting on a fix, and whether they manage the team that owns it (read by the caller, checked here).</summary>
public sealed record FixActor(string PersonId, bool ManagesOwningTeam);

/// <summary>
/// How a repeat is prevented: a change a team (often behind the scenes) owns and tracks to done. Raised from stories
/// that prompted it or on its own as an improvement idea; the owning team's managers accept it (naming an owner) or
/// decline it with a reason; the owner or those managers move it on; done says in one line what changed. Every
/// change is kept in its history.
/// </summary>
public sealed class Fix : AggregateRoot
{
    public const int TitleMaxLength = 120;
    public const int ChangeMaxLength = 2000;
    public const int ReasonMaxLength = 300;
    public const int WhatChangedMaxLength = 300;
    public const int MaxStories = 20;
    public const int MaxCredited = 12;

    private readonly List<FixStory> _stories = [];
    private readonly List<FixCredit> _credits = [];
    private readonly List<FixChange> _history = [];

    private Fix()
    {
    }

    private Fix(string title, string change, int teamId, string raisedById, DateTimeOffset at)
    {
        Title = title;
        Change = change;
        TeamId = teamId;
        RaisedById = raisedById;
        RaisedAt = at;
        UpdatedAt = at;
        Status = FixStatus.Proposed;
        _history.Add(new FixChange(null, FixStatus.Proposed, raisedById, at, null));
    }

    /// <summary>
    /// Anyone proposes a fix for a team: from the stories that prompted it, or with none as an improvement idea.
    /// The owning team's managers hear of it.
    /// </summary>
    public static Fix Propose(string? title, string? change, int? teamId, string raisedById, IReadOnlyCollection<int> storyIds, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        var errors = new List<DomainError>();
        var cleanTitle = TextRules.SingleLine(title);
        if (cleanTitle.Length == 0)
        {
            errors.Add(new(nameof(Title), "Give the fix a short title that says what will be better."));
        }
        else if (cleanTitle.Length > TitleMaxLength)
        {
            errors.Add(new(nameof(Title), $"Keep the title to {TitleMaxLength} characters or fewer (it has {cleanTitle.Length:N0})."));
        }

        var cleanChange = TextRules.Normalize(change);
        if (cleanChange.Length == 0)
        {
            errors.Add(new(nameof(Change), "Say what will change so it does not happen again."));
        }
        else if (cleanChange.Length > ChangeMaxLength)
        {
            errors.Add(new(nameof(Change), $"Keep what will change to {ChangeMaxLength:N0} characters or fewer (it has {cleanChange.Length:N0})."));
        }

        if (teamId is null or <= 0)
        {
            errors.Add(new(nameof(TeamId), "Choose the team that can make this change."));
        }

        if (storyIds.Distinct().Count() > MaxStories)
        {
            errors.Add(new("Stories", $"A fix names at most {MaxStories} stories."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var fix = new Fix(cleanTitle, cleanChange, teamId!.Value, raisedById, at);
        fix._stories.AddRange(storyIds.Distinct().Select(id => new FixStory(id)));
        fix.Raise(new FixProposed(fix, at));
        return fix;
    }

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What will change so the problem does not come back.</summary>
    public string Change { get; private set; } = "";

    public int TeamId { get; private set; }

    public Team Team { get; private set; } = null!;

    public string? OwnerId { get; private set; }

    public Person? Owner { get; private set; }

    public DateOnly? TargetDate { get; private set; }

    public FixStatus Status { get; private set; }

    public string RaisedById { get; private set; } = "";

    public Person RaisedBy { get; private set; } = null!;

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>One line on what changed, given when it is done.</summary>
    public string? WhatChanged { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>Bumped on every saved change, so two managers deciding at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>The stories that prompted it; a story can prompt several fixes, and a fix answer several stories.</summary>
    public IReadOnlyCollection<FixStory> Stories => _stories;

    /// <summary>The people who did it, credited on their record once it is done.</summary>
    public IReadOnlyCollection<FixCredit> Credits => _credits;

    /// <summary>Append-only: every change of status, owner or stories adds an entry.</summary>
    public IReadOnlyCollection<FixChange> History => _history;

    public bool IsOverdue(DateOnly today) => Status.IsOpen() && TargetDate is { } target && target < today;

    /// <summary>The owning team's managers accept it and name who will see it through, with a target date if they have one.</summary>
    public void Accept(FixActor actor, string? ownerId, DateOnly? targetDate, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureManager(actor, "accept");
        if (Status != FixStatus.Proposed)
        {
            throw new DomainException(AlreadyDecidedMessage());
        }

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            errors.Add(new("OwnerId", "Choose who will see this fix through."));
        }

        if (targetDate is { } target && target < today)
        {
            errors.Add(new(nameof(TargetDate), "Choose a target date from today on, or leave it empty."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        OwnerId = ownerId;
        TargetDate = targetDate;
        MoveTo(FixStatus.Accepted, actor.PersonId, at, null);
        Raise(new FixAccepted(this, actor.PersonId, at));
    }

    /// <summary>The owning team's managers decline it, saying why; the reason is kept and shown to everyone.</summary>
    public void Decline(FixActor actor, string? reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureManager(actor, "decline");
        if (Status != FixStatus.Proposed)
        {
            throw new DomainException(AlreadyDecidedMessage());
        }

        var text = TextRules.SingleLine(reason);
        if (text.Length == 0)
        {
            throw new DomainException("Say why it is declined; the person who raised it reads this.", nameof(DeclineReason));
        }

        if (text.Length > ReasonMaxLength)
        {
            throw new DomainException($"Keep the reason to {ReasonMaxLength} characters or fewer.", nameof(DeclineReason));
        }

        DeclineReason = text;
        MoveTo(FixStatus.Declined, actor.PersonId, at, text);
        Raise(new FixDeclined(this, actor.PersonId, at));
    }

    /// <summary>The owner or the owning team's managers say work has started.</summary>
    public void Start(FixActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureMover(actor);
        if (Status != FixStatus.Accepted)
        {
            throw new DomainException(Status == FixStatus.InProgress ? "Work on this fix has already started." : $"A fix that is {Status.Label().ToLowerInvariant()} cannot be started.");
        }

        MoveTo(FixStatus.InProgress, actor.PersonId, at, null);
    }

    /// <summary>
    /// The owner or the owning team's managers mark it done, saying in one line what changed, and credit the people
    /// who did it (the owner when nobody is named). The prompting stories' people hear of it.
    /// </summary>
    public void MarkDone(FixActor actor, string? whatChanged, IReadOnlyCollection<string> creditedIds, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(creditedIds);
        EnsureMover(actor);
        if (Status is not (FixStatus.Accepted or FixStatus.InProgress))
        {
            throw new DomainException(Status == FixStatus.Done ? "This fix is already done." : $"A fix that is {Status.Label().ToLowerInvariant()} cannot be marked done.");
        }

        var text = TextRules.SingleLine(whatChanged);
        var errors = new List<DomainError>();
        if (text.Length == 0)
        {
            errors.Add(new(nameof(WhatChanged), "Say in one line what changed, so everyone knows what is different now."));
        }
        else if (text.Length > WhatChangedMaxLength)
        {
            errors.Add(new(nameof(WhatChanged), $"Keep it to one line of {WhatChangedMaxLength} characters or fewer."));
        }

        var credited = creditedIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (credited.Count == 0 && OwnerId is not null)
        {
            credited.Add(OwnerId);
        }

        if (credited.Count > MaxCredited)
        {
            errors.Add(new("Credited", $"Credit at most {MaxCredited} people."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        WhatChanged = text;
        DoneAt = at;
        _credits.AddRange(credited.Select(id => new FixCredit(id)));
        MoveTo(FixStatus.Done, actor.PersonId, at, text);
        Raise(new FixDone(this, actor.PersonId, at));
    }

    /// <summary>A story the fix also answers; anyone who can read the story may add it while the fix is open.</summary>
    public void AddStory(int storyId, string actorId, DateTimeOffset at)
    {
        if (!Status.IsOpen())
        {
            throw new DomainException($"This fix is {Status.Label().ToLowerInvariant()}; raise a new one for this story.");
        }

        if (_stories.Exists(s => s.StoryId == storyId))
        {
            throw new DomainException("This story is already on the fix.");
        }

        if (_stories.Count >= MaxStories)
        {
            throw new DomainException($"A fix names at most {MaxStories} stories.");
        }

        _stories.Add(new FixStory(storyId));
        _history.Add(new FixChange(Status, Status, actorId, at, "Added a story that this fix answers."));
        UpdatedAt = at;
    }

    /// <summary>What a lost race says: "Sam Okafor already accepted this fix on …".</summary>
    public static string AlreadyDone(string? name, FixStatus to, DateTimeOffset at) =>
        $"{name ?? "Someone"} already changed this fix (it is now {to.Label().ToLowerInvariant()}) at {at:yyyy-MM-dd HH:mm} UTC. Read it again below.";

    private string AlreadyDecidedMessage() => Status == FixStatus.Declined
        ? "This fix has already been declined."
        : "This fix has already been accepted.";

    private static void EnsureManager(FixActor actor, string verb)
    {
        if (!actor.ManagesOwningTeam)
        {
            throw new DomainException($"Only the managers of the team that owns this fix can {verb} it.");
        }
    }

    private void EnsureMover(FixActor actor)
    {
        if (!actor.ManagesOwningTeam && actor.PersonId != OwnerId)
        {
            throw new DomainException("Only the fix's owner or the managers of its team can move it along.");
        }
    }

    private void MoveTo(FixStatus to, string actorId, DateTimeOffset at, string? note)
    {
        _history.Add(new FixChange(Status, to, actorId, at, note));
        Status = to;
        UpdatedAt = at;
    }
}

/// <summary>A story that prompted a fix.</summary>
public sealed class FixStory
{
    private FixStory()
    {
    }

    internal FixStory(int storyId) => StoryId = storyId;

    public int FixId { get; private set; }

    public int StoryId { get; private set; }

    public Story Story { get; private set; } = null!;
}

/// <summary>A person credited with a done fix; it shows on their record.</summary>
public sealed class FixCredit
{
    private FixCredit()
    {
    }

    internal FixCredit(string personId) => PersonId = personId;

    public int FixId { get; private set; }

    public string PersonId { get; private set; } = "";

    public Person Person { get; private set; } = null!;
}

/// <summary>One entry of a fix's history: who moved it where, when, and the note they gave.</summary>
public sealed class FixChange
{
    private FixChange()
    {
    }

    internal FixChange(FixStatus? from, FixStatus to, string actorId, DateTimeOffset at, string? note)
    {
        From = from;
        To = to;
        ActorId = actorId;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }

    public int FixId { get; private set; }

    public FixStatus? From { get; private set; }

    public FixStatus To { get; private set; }

    public string ActorId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }
}
