namespace CareStories.Web.Pages.Thanks;

/// <summary>Asks before revoking a link, then revokes it for good: a printed QR code stops working.</summary>
public sealed class RevokeModel(CareStoriesDbContext db, LinkGate gate, TimeProvider time) : PageModel
{
    public LinkFacts Link { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (denied, link) = await gate.CheckAsync(this, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (link!.RevokedAt is not null)
        {
            TempData["StatusMessage"] = "This link was already revoked.";
            return RedirectToPage("Details", new { id });
        }

        Link = link;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var (denied, _) = await gate.CheckAsync(this, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var link = await db.ThankYouLinks.SingleAsync(l => l.Id == id, cancellationToken);
        try
        {
            link.Revoke(User.PersonId(), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            TempData["StatusMessage"] = "Link revoked. Customers who open it are told it is no longer open.";
        }
        catch (DomainException ex)
        {
            TempData["StatusMessage"] = ex.Message;
        }

        return RedirectToPage("Details", new { id });
    }
}
