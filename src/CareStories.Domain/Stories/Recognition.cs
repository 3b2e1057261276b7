using CareStories.Domain.Catalogue;
using CareStories.Domain.People;

namespace CareStories.Domain.Stories;

/// <summary>A manager or leader celebrating a published story with a badge and a message; once each.</summary>
public sealed class Celebration
{
    public const int MessageMaxLength = 1000;

    private Celebration()
    {
    }

    internal Celebration(string celebratorId, int badgeId, string message, DateTimeOffset at)
    {
        CelebratorId = celebratorId;
        BadgeId = badgeId;
        Message = message;
        At = at;
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

/// <summary>One person's applause for a published story; anyone signed in may give it once and take it back.</summary>
public sealed class Applause
{
    private Applause()
    {
    }

    internal Applause(string personId, DateTimeOffset at)
    {
        PersonId = personId;
        At = at;
    }

    public int StoryId { get; private set; }

    public string PersonId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// A comment on a published story. Its writer may edit or delete it; an Admin may hide it, and who hid it,
/// when and why stays on record.
/// </summary>
public sealed class Comment
{
    public const int TextMaxLength = 2000;
    public const int HiddenReasonMaxLength = 300;

    private Comment()
    {
    }

    internal Comment(string authorId, string text, DateTimeOffset at)
    {
        AuthorId = authorId;
        Text = text;
        CreatedAt = at;
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

    internal void Edit(string personId, string? text, DateTimeOffset at)
    {
        EnsureWriter(personId, "edit");
        if (IsHidden)
        {
            throw new DomainException("This comment was hidden by an admin and can no longer be edited.");
        }

        Text = CheckText(text);
        EditedAt = at;
    }

    internal void EnsureWriter(string personId, string verb)
    {
        if (personId != AuthorId)
        {
            throw new DomainException($"Only the person who wrote a comment can {verb} it.");
        }
    }

    internal void Hide(string adminId, string? reason, DateTimeOffset at)
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
