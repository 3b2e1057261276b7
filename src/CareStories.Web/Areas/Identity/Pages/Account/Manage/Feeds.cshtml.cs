using CareStories.Domain.Feeds;

namespace CareStories.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// A person's secret Atom feed address: make it, or reset it so every copy given out before stops working. Only a
/// hash of the secret is kept, so the full address is shown once, right after it is made.
/// </summary>
public sealed class FeedsModel(CareStoriesDbContext db, TimeProvider time, LinkGenerator links) : PageModel
{
    private const string SecretKey = "FeedSecret";

    public DateTimeOffset? MadeAt { get; private set; }

    /// <summary>The secret just made (shown once); null on any later visit.</summary>
    public string? Secret { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        MadeAt = await db.FeedAddresses.AsNoTracking().Where(f => f.PersonId == me)
            .Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        Secret = MadeAt is null ? null : TempData[SecretKey] as string;
        if (Secret is not null)
        {
            // The person's own teams first: the feeds they are most likely to want.
            var mine = db.TeamMemberships.Where(m => m.PersonId == me).Select(m => m.TeamId);
            Teams = [.. (await db.Teams.AsNoTracking()
                .OrderByDescending(t => mine.Contains(t.Id)).ThenBy(t => t.Name)
                .Select(t => new { t.Id, t.Name })
                .ToListAsync(cancellationToken)).Select(t => (t.Id, t.Name))];
        }
    }

    /// <summary>Makes the address, or replaces it: the old one answers "not found" from now on.</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var now = time.GetUtcNow();
        var existing = await db.FeedAddresses.SingleOrDefaultAsync(f => f.PersonId == me, cancellationToken);
        string secret;
        if (existing is null)
        {
            (var address, secret) = FeedAddress.Issue(me, now);
            db.FeedAddresses.Add(address);
        }
        else
        {
            secret = existing.Reset(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData[SecretKey] = secret;
        TempData["StatusMessage"] = existing is null
            ? "Your feed address is ready. Copy it now: it is shown only this once."
            : "Your feed address was reset. The old address no longer works; copy the new one now.";
        return RedirectToPage();
    }

    /// <summary>
    /// The full address of the feed, built without this page's ambient route values (this page is in the Identity
    /// area, the feed is not), from the request's address, which App:PublicUrl sets.
    /// </summary>
    public string FeedUrl(int? team = null) =>
        links.GetUriByPage("/Atom/Index", null, new { secret = Secret, team }, Request.Scheme, Request.Host, Request.PathBase) ?? "";
}
