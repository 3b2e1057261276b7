using Microsoft.EntityFrameworkCore;

namespace CareStories.Domain.Delivery;

public enum ChatPlatform
{
    Slack = 0,
    MicrosoftTeams = 1,
}

/// <summary>What a chat card announces.</summary>
public enum ChatEvent
{
    StoryPublished = 0,
    StoryCelebrated = 1,
}

public static class ChatText
{
    public static string Label(this ChatPlatform platform) => platform switch
    {
        ChatPlatform.Slack => "Slack",
        ChatPlatform.MicrosoftTeams => "Microsoft Teams",
        _ => "Chat",
    };

    public static string Label(this ChatEvent chatEvent) => chatEvent switch
    {
        ChatEvent.StoryPublished => "Story published",
        ChatEvent.StoryCelebrated => "Story celebrated",
        _ => "Story news",
    };
}

/// <summary>
/// A channel an Admin connected through an incoming webhook: for the whole company, or for one team's stories. The
/// address is a secret (whoever has it can post into the channel), so the domain keeps it only sealed by the web
/// layer's Data Protection, with a masked form to show.
/// </summary>
public sealed class ChatWebhook
{
    public const int ChannelMaxLength = 80;

    private ChatWebhook()
    {
    }

    public ChatWebhook(ChatPlatform platform, int? teamId, string channel, string protectedAddress, string maskedAddress, string connectedById, DateTimeOffset at)
    {
        channel = (channel ?? "").Trim();
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(platform))
        {
            errors.Add(new DomainError("Platform", "Choose Slack or Microsoft Teams."));
        }

        if (channel.Length == 0)
        {
            errors.Add(new DomainError("Channel", "Enter the channel's name, so others know where the cards go."));
        }
        else if (channel.Length > ChannelMaxLength)
        {
            errors.Add(new DomainError("Channel", $"Keep the channel's name to {ChannelMaxLength} characters."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Platform = platform;
        TeamId = teamId;
        Channel = channel;
        ProtectedAddress = protectedAddress;
        MaskedAddress = maskedAddress;
        ConnectedById = connectedById;
        ConnectedAt = at;
    }

    public int Id { get; private set; }

    public ChatPlatform Platform { get; private set; }

    /// <summary>Only this team's stories; null for every published story.</summary>
    public int? TeamId { get; private set; }

    public People.Team? Team { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>The webhook address encrypted with the app's Data Protection keys.</summary>
    public string ProtectedAddress { get; private set; } = "";

    /// <summary>Enough of the address to recognise it ("https://hooks.slack.com/…/x7Qk"), never enough to post with.</summary>
    public string MaskedAddress { get; private set; } = "";

    public string ConnectedById { get; private set; } = "";

    public DateTimeOffset ConnectedAt { get; private set; }
}

/// <summary>
/// One card for one channel: the chat outbox and its delivery log. Written by the domain events' rules in the same
/// save as the story's change; a worker claims it with a lease, posts it, and records the answer.
/// </summary>
public sealed class ChatPost
{
    public const int LastErrorMaxLength = 300;
    public const int MaxAttempts = 10;

    private ChatPost()
    {
    }

    internal ChatPost(int webhookId, ChatEvent chatEvent, int storyId, Stories.Story? story, string? actorId, DateTimeOffset at)
    {
        WebhookId = webhookId;
        Event = chatEvent;
        StoryId = storyId;
        Story = story;
        ActorId = actorId;
        CreatedAt = at;
        NextAttemptAt = at;
    }

    public long Id { get; private set; }

    public int WebhookId { get; private set; }

    public ChatWebhook Webhook { get; private set; } = null!;

    public ChatEvent Event { get; private set; }

    public int StoryId { get; private set; }

    public Stories.Story? Story { get; private set; }

    /// <summary>Who celebrated, for a celebration's card.</summary>
    public string? ActorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? GaveUpAt { get; private set; }

    /// <summary>The channel's HTTP answer to the last try, when there was one.</summary>
    public int? LastStatus { get; private set; }

    public string? LastError { get; private set; }
}

/// <summary>Who hears of a story in chat: every company-wide channel, and the channels of the story's teams.</summary>
internal static class ChatPosts
{
    public static async Task AddAsync(Data.CareStoriesDbContext db, Stories.Story story, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A story saved for the first time has its teams in memory only; otherwise the database has them, loaded or not.
        var teamIds = story.Id == 0
            ? story.Teams.Select(t => t.TeamId).ToList()
            : await db.Set<Stories.StoryTeam>().Where(t => t.StoryId == story.Id).Select(t => t.TeamId).ToListAsync(cancellationToken);
        foreach (var webhook in await WebhooksForAsync(db, teamIds, cancellationToken))
        {
            db.ChatPosts.Add(new ChatPost(webhook, ChatEvent.StoryPublished, story.Id, story.Id == 0 ? story : null, null, at));
        }
    }

    public static async Task AddCelebratedAsync(Data.CareStoriesDbContext db, int storyId, string celebratorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var teamIds = await db.Set<Stories.StoryTeam>().Where(t => t.StoryId == storyId).Select(t => t.TeamId).ToListAsync(cancellationToken);
        foreach (var webhook in await WebhooksForAsync(db, teamIds, cancellationToken))
        {
            db.ChatPosts.Add(new ChatPost(webhook, ChatEvent.StoryCelebrated, storyId, null, celebratorId, at));
        }
    }

    private static Task<List<int>> WebhooksForAsync(Data.CareStoriesDbContext db, List<int> teamIds, CancellationToken cancellationToken) =>
        db.ChatWebhooks.AsNoTracking()
            .Where(w => w.TeamId == null || teamIds.Contains(w.TeamId.Value))
            .Select(w => w.Id)
            .ToListAsync(cancellationToken);
}
