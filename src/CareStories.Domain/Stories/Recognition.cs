using CareStories.Domain.Catalogue;
using CareStories.Domain.Events;

namespace CareStories.Domain.Stories;

/// <summary>
/// A manager or leader celebrating a published story with a badge and a message; once each. Its own aggregate,
/// keyed by the story's id: many people celebrate one story at once, and none of them loads the others.
/// "Once each" is the unique (StoryId, CelebratorId) index, which holds even when two posts race.
/// </summary>
public sealed class Celebration : AggregateRoot
{
    public const int MessageMaxLength = CelebrationRules.MessageMaxLength;

    public const string AlreadyCelebrated = "You have already celebrated this story.";

    private Celebration()
    {
    }

    private Celebration(int storyId, string celebratorId, int badgeId, string message, DateTimeOffset at)
    {
        StoryId = storyId;
        CelebratorId = celebratorId;
        BadgeId = badgeId;
        Message = message;
        At = at;
    }

    /// <summary>
    /// Celebrates the story these facts describe. Nobody celebrates a story they wrote or are credited in; the
    /// story's people hear of it.
    /// </summary>
    public static Celebration Give(StoryAccessFacts story, string celebratorId, Badge badge, string? message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(badge);
        Recognition.EnsurePublished(story, "celebrated");
        if (Recognition.IsInvolved(story, celebratorId))
        {
            throw new DomainException("You cannot celebrate a story you wrote or are credited in.");
        }

        var text = CelebrationRules.Check(badge, message);
        var celebration = new Celebration(story.StoryId, celebratorId, badge.Id, text, at);
        celebration.Raise(new StoryCelebrated(StoryPeople.Of(story), celebratorId, at));
        return celebration;
    }

    public int Id { get; private set; }

    public int StoryId { get; private set; }

    public string CelebratorId { get; private set; } = "";

    public Person Celebrator { get; private set; } = null!;

    public int BadgeId { get; private set; }

    public Badge Badge { get; private set; } = null!;

    public string Message { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// One person's applause for a published story; anyone signed in but its author and heroes may give it once and
/// take it back. Keyed by (StoryId, PersonId): the key is the "once" rule.
/// </summary>
public sealed class Applause
{
    public const string AlreadyApplauded = "You have already applauded this story.";

    private Applause()
    {
    }

    private Applause(int storyId, string personId, DateTimeOffset at)
    {
        StoryId = storyId;
        PersonId = personId;
        At = at;
    }

    public static Applause Give(StoryAccessFacts story, string personId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(story);
        Recognition.EnsurePublished(story, "applauded");
        if (Recognition.IsInvolved(story, personId))
        {
            throw new DomainException("You cannot applaud a story you wrote or are credited in.");
        }

        return new Applause(story.StoryId, personId, at);
    }

    public int StoryId { get; private set; }

    public string PersonId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// A comment on a published story. Its writer may edit or delete it; an Admin may hide it, and who hid it,
/// when and why stays on record.
/// </summary>
public sealed class Comment : AggregateRoot
{
    public const int TextMaxLength = 2000;
    public const int HiddenReasonMaxLength = 300;

    private Comment()
    {
    }

    private Comment(int storyId, string authorId, string text, DateTimeOffset at)
    {
        StoryId = storyId;
        AuthorId = authorId;
        Text = text;
        CreatedAt = at;
    }

    /// <summary>Anyone who can read a published story comments on it; the story's people hear.</summary>
    public static Comment Write(StoryAccessFacts story, string authorId, string? text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(story);
        Recognition.EnsurePublished(story, "commented on");
        var comment = new Comment(story.StoryId, authorId, CheckText(text), at);
        comment.Raise(new CommentAdded(StoryPeople.Of(story), authorId, at));
        return comment;
    }

    public int Id { get; private set; }

    public int StoryId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public Person Author { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the writer last changed it; null if never.</summary>
    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public string? HiddenById { get; private set; }

    public string? HiddenReason { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    internal static string CheckText(string? text)
    {
        var normalized = TextRules.Normalize(text);
        if (normalized.Length == 0)
        {
            throw new DomainException("Write a comment before posting it.", nameof(Text));
        }

        if (normalized.Length > TextMaxLength)
        {
            throw new DomainException($"Keep the comment to {TextMaxLength:N0} characters or fewer (it has {normalized.Length:N0}).", nameof(Text));
        }

        return normalized;
    }

    /// <summary>The writer changes their comment, unless an Admin hid it.</summary>
    public void Edit(string personId, string? text, DateTimeOffset at)
    {
        EnsureWriter(personId, "edit");
        if (IsHidden)
        {
            throw new DomainException("This comment was hidden by an admin and can no longer be edited.");
        }

        Text = CheckText(text);
        EditedAt = at;
    }

    /// <summary>The writer may delete their comment; one an Admin hid stays on record.</summary>
    public void EnsureDeletableBy(string personId)
    {
        EnsureWriter(personId, "delete");
        if (IsHidden)
        {
            // Deleting it would erase the record of the moderation.
            throw new DomainException("This comment was hidden by an admin and stays on record, so it cannot be deleted.");
        }
    }

    internal void EnsureWriter(string personId, string verb)
    {
        if (personId != AuthorId)
        {
            throw new DomainException($"Only the person who wrote a comment can {verb} it.");
        }
    }

    /// <summary>An Admin hides the comment from everyone, with a reason kept on record.</summary>
    public void Hide(string adminId, string? reason, DateTimeOffset at)
    {
        if (IsHidden)
        {
            throw new DomainException("This comment is already hidden.");
        }

        var text = TextRules.SingleLine(reason);
        if (text.Length == 0)
        {
            throw new DomainException("Say why the comment is hidden; the reason is kept on record.", nameof(HiddenReason));
        }

        if (text.Length > HiddenReasonMaxLength)
        {
            throw new DomainException($"Keep the reason to {HiddenReasonMaxLength} characters or fewer.", nameof(HiddenReason));
        }

        HiddenAt = at;
        HiddenById = adminId;
        HiddenReason = text;
    }
}

/// <summary>The rules celebrations, applause, comments and featuring share, read from the story's facts.</summary>
internal static class Recognition
{
    public static void EnsurePublished(StoryAccessFacts story, string verb)
    {
        if (story.Status != StoryStatus.Published)
        {
            throw new DomainException($"Only a published story can be {verb}.");
        }
    }

    public static bool IsInvolved(StoryAccessFacts story, string personId) =>
        story.AuthorId == personId || story.HeroIds.Contains(personId);
}
