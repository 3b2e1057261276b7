namespace CareStories.Domain.Delivery;

/// <summary>What an outgoing message is, for the log and for deciding whether it may carry an unsubscribe link.</summary>
public enum MailCategory
{
    /// <summary>Confirmation, password reset, set-password: sent because the person asked or an Admin did; no unsubscribe.</summary>
    Account = 0,
    Notification = 1,
    Digest = 2,
    StoriesOfTheWeek = 3,
}

/// <summary>
/// One composed message in the persistent outbox. A worker claims it with a lease (a conditional update, so two
/// workers never hold it at once), sends it, and records the send; a failed send is tried again later with
/// exponential backoff; a lease left by a worker that stopped mid-send runs out and another worker takes it.
/// The row never changes through the change tracker once it is saved: every state change is one conditional
/// UPDATE (see the web project's OutboxSender), so this class holds the data and the backoff rule.
/// </summary>
public sealed class OutgoingMail
{
    public const int SubjectMaxLength = 300;
    public const int LastErrorMaxLength = 300;

    /// <summary>After this many failed tries the message is given up (about a day and a half of retrying).</summary>
    public const int MaxAttempts = 12;

    private OutgoingMail()
    {
    }

    public OutgoingMail(MailCategory category, string to, string? personId, string subject, string htmlBody, string textBody, DateTimeOffset at)
    {
        Category = category;
        To = to;
        PersonId = personId;
        Subject = subject.Length > SubjectMaxLength ? subject[..(SubjectMaxLength - 1)] + "…" : subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        CreatedAt = at;
        NextAttemptAt = at;
    }

    public long Id { get; private set; }

    public MailCategory Category { get; private set; }

    public string To { get; private set; } = "";

    /// <summary>Whose mail it is, when it is for a person with an account (null for an account mail to a new address).</summary>
    public string? PersonId { get; private set; }

    public string Subject { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    /// <summary>The one-click address for the List-Unsubscribe header (RFC 8058); null for account mail.</summary>
    public string? UnsubscribeUrl { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not before this may a worker try it (again).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The worker holding it, and until when; past that instant another worker may take it.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? GaveUpAt { get; private set; }

    /// <summary>Why the last try failed, in the transport's words (never the address or the body).</summary>
    public string? LastError { get; private set; }

    public OutgoingMail WithUnsubscribe(string url)
    {
        UnsubscribeUrl = url;
        return this;
    }

    /// <summary>
    /// How long to wait after the <paramref name="attempts"/>-th failed try: 30 s, 1 min, 2 min… doubling up to 6 hours.
    /// </summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = 30 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromHours(6).TotalSeconds));
    }
}
