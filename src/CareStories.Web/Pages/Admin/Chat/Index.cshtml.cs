using CareStories.Domain.Delivery;

namespace CareStories.Web.Pages.Admin.Chat;

/// <summary>The chat channels connected through webhooks (addresses shown masked), and disconnecting one.</summary>
public sealed class IndexModel(CareStoriesDbContext db) : PageModel
{
    public sealed record Row(int Id, ChatPlatform Platform, string? TeamName, string Channel, string MaskedAddress, DateTimeOffset ConnectedAt, int Waiting, int Failed);

    public IReadOnlyList<Row> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Channels = await db.ChatWebhooks.AsNoTracking()
            .OrderBy(w => w.TeamId != null).ThenBy(w => w.Team!.Name).ThenBy(w => w.Channel)
            .Select(w => new Row(
                w.Id, w.Platform, w.Team == null ? null : w.Team.Name, w.Channel, w.MaskedAddress, w.ConnectedAt,
                db.ChatPosts.Count(p => p.WebhookId == w.Id && p.SentAt == null && p.GaveUpAt == null),
                db.ChatPosts.Count(p => p.WebhookId == w.Id && p.GaveUpAt != null)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDisconnectAsync(int id, CancellationToken cancellationToken)
    {
        var webhook = await db.ChatWebhooks.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
        {
            return NotFound();
        }

        db.ChatWebhooks.Remove(webhook);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"Disconnected {webhook.Channel}: no more cards go there, and its delivery log is gone with it.";
        return RedirectToPage();
    }
}
