using CareStories.Domain.Thanks;

namespace CareStories.Web.Pages.Thanks;

/// <summary>A page to print and put up: the QR code, who it thanks, and the address in text.</summary>
public sealed class PosterModel(LinkGate gate, TimeProvider time) : PageModel
{
    public LinkFacts Link { get; private set; } = null!;

    public string PublicUrl { get; private set; } = "";

    public LinkState State { get; private set; }

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
        return Page();
    }
}
