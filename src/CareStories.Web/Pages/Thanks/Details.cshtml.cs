using CareStories.Domain.Thanks;

namespace CareStories.Web.Pages.Thanks;

/// <summary>One link: its address to copy, its QR code, whether it is open, and the way to the poster and to revoking.</summary>
public sealed class DetailsModel(CareStoriesDbContext db, LinkGate gate, TimeProvider time) : PageModel
{
    public LinkFacts Link { get; private set; } = null!;

    public string PublicUrl { get; private set; } = "";

    public LinkState State { get; private set; }

    public int ThanksCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (denied, link) = await gate.CheckAsync(this, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        Link = link!;
        State = Link.StateAt(time.GetUtcNow());
        PublicUrl = Url.PublicLink(Link.Token);
        ThanksCount = await db.CustomerThanks.CountAsync(t => t.LinkId == id, cancellationToken);
        return Page();
    }
}
