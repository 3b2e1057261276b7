namespace CareStories.Web.Pages.Public;

/// <summary>What a customer sees after sending a thank-you (and what a bot sees after filling the honeypot).</summary>
public sealed class SentModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    public PublicLink Link { get; private set; } = PublicLink.Unknown;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Link = await PublicLink.FindAsync(db, token, time.GetUtcNow(), cancellationToken);
        if (Link.Status == PublicLinkStatus.Unknown)
        {
            Response.StatusCode = Link.RefusalStatusCode;
        }

        return Page();
    }
}
