namespace CareStories.Domain.Notifications;

public enum NotificationKind
{
    StoryPublished = 0,
    StorySentBack = 1,
    StoryCelebrated = 2,
    StoryCommented = 3,
    StoryWaitingForReview = 4,

    /// <summary>A customer's thank-you waits for the manager's approval; it has no story yet.</summary>
    ThanksWaiting = 5,

    /// <summary>A manager approved a customer's thank-you: it started a draft or joined a story.</summary>
    ThanksApproved = 6,

    /// <summary>A leader featured a story the recipient is credited in.</summary>
    StoryFeatured = 7,

    /// <summary>Someone proposed a fix for a team the recipient manages.</summary>
    FixProposed = 10,

    /// <summary>The fix the recipient raised was accepted.</summary>
    FixAccepted = 11,

    /// <summary>The fix the recipient raised was declined, with a reason.</summary>
    FixDeclined = 12,

    /// <summary>A manager made the recipient the owner of a fix.</summary>
    FixAssigned = 13,

    /// <summary>A fix prompted by the recipient's story (or raised by them) is done.</summary>
    FixDone = 14,

    /// <summary>A manager or leader celebrated a fix the recipient is credited with.</summary>
    FixCelebrated = 15,
    /// <summary>A leader decided what happens to a rule the recipient's story bent for a customer.</summary>
    RuleDecided = 8,

    /// <summary>The weekly nudge: people in the manager's teams nobody has recognised lately (Insights, 20–29).</summary>
    NotRecognisedNudge = 20,

    /// <summary>A story crediting someone in the manager's teams was published.</summary>
    TeamMemberPublished = 21,

    /// <summary>A story crediting someone in the manager's teams was celebrated.</summary>
    TeamMemberCelebrated = 22,
}

/// <summary>
/// Something a person should hear about a story, shown under the bell until they read it. Rows are written only by
/// the domain events' handlers (<see cref="NotificationRules"/>) in the same save as the change. The table is also
/// the outbox for news that leaves the app (mail, chat): <see cref="DeliveredAt"/> stays null until a worker has
/// sent it, read undelivered and oldest first.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(string recipientId, NotificationKind kind, int storyId, string? actorId, DateTimeOffset at)
        : this(recipientId, kind, actorId, at)
    {
        StoryId = storyId;
    }

    /// <summary>News about a story that is being created in the same change: EF sets the story's id on save.</summary>
    public Notification(string recipientId, NotificationKind kind, Story story, string? actorId, DateTimeOffset at)
        : this(recipientId, kind, actorId, at)
    {
        Story = story;
    }

    private Notification(string recipientId, NotificationKind kind, string? actorId, DateTimeOffset at)
    {
        RecipientId = recipientId;
        Kind = kind;
        ActorId = actorId;
        CreatedAt = at;
    }

    public long Id { get; private set; }

    public string RecipientId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    /// <summary>The story it is about; null for news with no story yet (a thank-you waiting for approval).</summary>
    public int? StoryId { get; private set; }

    public Story? Story { get; private set; }

    /// <summary>Who did the thing; null when nobody in particular did.</summary>
    public string? ActorId { get; private set; }

    public Person? Actor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>The customer's thank-you a "waiting" notification is about, so deciding it can mark the news read.</summary>
    public int? CustomerThanksId { get; private set; }

    /// <summary>When it was sent outside the app (mail, chat); null while it waits in the outbox.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>How many times sending it outside the app was tried, so a worker can give up on one that keeps failing.</summary>
    public int DeliveryAttempts { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkDelivered(DateTimeOffset at)
    {
        DeliveryAttempts++;
        DeliveredAt ??= at;
    }

    public void RecordFailedDelivery() => DeliveryAttempts++;

    /// <summary>
    /// The people a story's news is for: its author and heroes, except whoever caused it. A story can be the news
    /// of many people, and nobody is told twice.
    /// </summary>
    public static IReadOnlyList<Notification> ForStoryPeople(
        Story story, NotificationKind kind, string? actorId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(story);
        return PeopleOf(story.AuthorId, story.Heroes.Select(h => h.PersonId), actorId)
            .Select(id => story.Id == 0 ? new Notification(id, kind, story, actorId, at) : new Notification(id, kind, story.Id, actorId, at))
            .ToList();
    }

    /// <summary>The same, from the few facts a recognition aggregate carries instead of a loaded story.</summary>
    public static IReadOnlyList<Notification> ForStoryPeople(
        int storyId, string authorId, IEnumerable<string> heroIds, NotificationKind kind, string? actorId, DateTimeOffset at) =>
        PeopleOf(authorId, heroIds, actorId).Select(id => new Notification(id, kind, storyId, actorId, at)).ToList();

    /// <summary>A customer's thank-you waiting for one of the managers who may decide on it.</summary>
    public static Notification ThanksWaitingFor(string recipientId, DateTimeOffset at) =>
        new(recipientId, NotificationKind.ThanksWaiting, (string?)null, at);

    /// <summary>The same, tied to the thank-you (it may be new: EF sets its id on save) so deciding it marks this read.</summary>
    public static Notification ThanksWaitingFor(string recipientId, Thanks.CustomerThanks thanks, DateTimeOffset at)
    {
        var notification = ThanksWaitingFor(recipientId, at);
        notification.CustomerThanks = thanks;
        return notification;
    }

    public Thanks.CustomerThanks? CustomerThanks { get; private set; }

    /// <summary>The fix it is about, for news about fixes; the bell links to the fix.</summary>
    public int? FixId { get; private set; }

    public Fixes.Fix? Fix { get; private set; }

    /// <summary>News about a fix (it may be new: EF sets its id on save).</summary>
    public static Notification AboutFix(string recipientId, NotificationKind kind, Fixes.Fix fix, string? actorId, DateTimeOffset at) =>
        new(recipientId, kind, actorId, at) { Fix = fix };

    /// <summary>News about a fix known by its id (a celebration carries the fix's id, not the fix).</summary>
    public static Notification AboutFix(string recipientId, NotificationKind kind, int fixId, string? actorId, DateTimeOffset at) =>
        new(recipientId, kind, actorId, at) { FixId = fixId };

    /// <summary>News for one person that is about no story (the weekly nudge).</summary>
    public static Notification ForPerson(string recipientId, NotificationKind kind, DateTimeOffset at) =>
        new(recipientId, kind, (string?)null, at);

    private static IEnumerable<string> PeopleOf(string authorId, IEnumerable<string> heroIds, string? actorId) =>
        heroIds.Prepend(authorId).Distinct(StringComparer.Ordinal).Where(id => id != actorId);

    /// <summary>
    /// What the bell's list says, in plain words: "Ana celebrated your story “…”". For news about a fix,
    /// <paramref name="storyTitle"/> is the fix's title.
    /// </summary>
    public static string Describe(NotificationKind kind, string? actorName, string? storyTitle)
    {
        var who = string.IsNullOrWhiteSpace(actorName) ? "Someone" : actorName;
        return kind switch
        {
            NotificationKind.StoryPublished => $"{who} published your story “{storyTitle}”",
            NotificationKind.StorySentBack => $"{who} sent back your story “{storyTitle}” with a comment",
            NotificationKind.StoryCelebrated => $"{who} celebrated your story “{storyTitle}”",
            NotificationKind.StoryCommented => $"{who} commented on your story “{storyTitle}”",
            NotificationKind.StoryWaitingForReview => $"{who} submitted “{storyTitle}” for your review",
            NotificationKind.ThanksWaiting => "A customer sent a thank-you that waits for your approval",
            NotificationKind.ThanksApproved => $"{who} approved a customer's thank-you for you: it is on “{storyTitle}”",
            NotificationKind.StoryFeatured => $"{who} featured your story “{storyTitle}” at the top of the feed",
            NotificationKind.FixProposed => $"{who} proposed a fix for your team: “{storyTitle}”",
            NotificationKind.FixAccepted => $"{who} accepted the fix you raised: “{storyTitle}”",
            NotificationKind.FixDeclined => $"{who} declined the fix you raised: “{storyTitle}”",
            NotificationKind.FixAssigned => $"{who} made you the owner of the fix “{storyTitle}”",
            NotificationKind.FixDone => $"“{storyTitle}” is done: {who} marked the fix done, so it should not happen again",
            NotificationKind.FixCelebrated => $"{who} celebrated the fix you are credited with: “{storyTitle}”",
            NotificationKind.RuleDecided => $"{who} decided what happens to the rule your story “{storyTitle}” bent",
            NotificationKind.NotRecognisedNudge => "Some people in your teams have not been recognised lately: see who, and tell their story",
            NotificationKind.TeamMemberPublished => $"{who} published “{storyTitle}”, a story about someone in your team",
            NotificationKind.TeamMemberCelebrated => $"{who} celebrated “{storyTitle}”, a story about someone in your team",
            _ => $"News about “{storyTitle}”",
        };
    }
}
