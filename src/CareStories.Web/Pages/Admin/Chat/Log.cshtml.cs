using CareStories.Domain.Delivery;
using CareStories.Domain.Paging;

namespace CareStories.Web.Pages.Admin.Chat;

/// <summary>Every card for every channel, newest first: sent, waiting for another try, or given up, and why.</summary>
public sealed class LogModel(CareStoriesDbContext db) : PageModel
{
    public const int PageSize = 30;

    private static readonly Keyset<ChatPost, long> Newest = Keyset.NewestFirst((ChatPost p) => p.CreatedAt, p => p.Id);

    public sealed record Row(
        long Id, DateTimeOffset CreatedAt, ChatEvent Event, int StoryId, string StoryTitle, string Channel, ChatPlatform Platform,
        int Attempts, DateTimeOffset? SentAt, DateTimeOffset? GaveUpAt, DateTimeOffset NextAttemptAt, int? LastStatus, string? LastError)
    {
        public string State => SentAt is not null ? "Sent" : GaveUpAt is not null ? "Not delivered" : Attempts == 0 ? "Waiting" : "Trying again";

        public string StateCss => SentAt is not null ? "status-published" : GaveUpAt is not null ? "status-sent-back" : "status-waiting";
    }

    public IReadOnlyList<Row> Posts { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await db.ChatPosts.AsNoTracking().ToPageAsync(
            Newest,
            key,
            PageSize,
            p => new Row(
                p.Id, p.CreatedAt, p.Event, p.StoryId, p.Story!.Title, p.Webhook.Channel, p.Webhook.Platform,
                p.Attempts, p.SentAt, p.GaveUpAt, p.NextAttemptAt, p.LastStatus, p.LastError),
            cancellationToken);
        Next = page.Next?.ToString();
        Posts = page.Items;
    }
}
