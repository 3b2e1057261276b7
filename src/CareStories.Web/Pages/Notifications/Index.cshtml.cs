using CareStories.Domain.Notifications;
using CareStories.Domain.Paging;
using CareStories.Web.Notifications;

namespace CareStories.Web.Pages.Notifications;

/// <summary>What the bell links to: the signed-in person's notifications, newest first; opening one marks it read.</summary>
public sealed class IndexModel(CareStoriesDbContext db, TimeProvider time, Freshness.ChangeFeedSaves? feedSaves = null) : PageModel
{
    public const int PageSize = 20;

    // Notifications made in the same instant keep their order across pages.
    private static readonly Keyset<Notification, long> Newest = Keyset.NewestFirst((Notification n) => n.CreatedAt, n => n.Id);

    public IReadOnlyList<Row> Notifications { get; private set; } = [];

    public int UnreadCount { get; private set; }

    /// <summary>The key of the last row shown, for the "older notifications" link; null on the last page.</summary>
    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public sealed record Row(long Id, NotificationKind Kind, string? StoryTitle, string? ActorName, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
    {
        public bool IsUnread => ReadAt is null;

        public string Sentence => Notification.Describe(Kind, ActorName, StoryTitle);
    }

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        UnreadCount = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);

        var key = Newest.Read(after);
        IsFirstPage = key is null;
        var page = await mine.ToPageAsync(
            Newest,
            key,
            PageSize,
            n => new Row(
                n.Id,
                n.Kind,
                n.Fix != null ? n.Fix.Title : n.Story == null ? null : n.Story.Title,
                n.Actor == null ? null : n.Actor.DisplayName,
                n.CreatedAt,
                n.ReadAt),
            cancellationToken);

        Next = page.Next?.ToString();
        Notifications = page.Items;
    }

    /// <summary>Marks one of my notifications read and takes me to what it is about. Anyone else's answers 404.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == me, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(NotificationLinks.Target(notification.Kind, notification.StoryId, notification.FixId));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        DateTimeOffset? now = time.GetUtcNow();
        var marked = await db.Notifications
            .Where(n => n.RecipientId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (marked > 0)
        {
            // Written without a save: announced here as a save would be (PostgreSQL's bells kept in memory).
            if (feedSaves is not null)
            {
                await feedSaves.ChangedWithoutSaveAsync(db, cancellationToken);
            }
        }

        TempData["StatusMessage"] = marked switch
        {
            0 => "You had no unread notifications.",
            1 => "1 notification is marked as read.",
            _ => $"{marked:N0} notifications are marked as read.",
        };
        return RedirectToPage();
    }
}
