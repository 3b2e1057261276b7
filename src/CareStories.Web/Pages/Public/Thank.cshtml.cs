using CareStories.Domain.Thanks;
using CareStories.Web.Thanks;

namespace CareStories.Web.Pages.Public;

/// <summary>
/// The public thank-you form a customer reaches through a link or its QR code, without an account. It keeps only
/// what the customer writes and the name they chose to give; its post is rate-limited per address,
/// size-limited, protected by antiforgery like every form, and bots that fill the hidden field are shown success and ignored.
/// </summary>
public sealed class ThankModel(CareStoriesDbContext db, ThanksPostLimit limit, TimeProvider time, IConfiguration configuration) : PageModel
{
    /// <summary>
    /// Far more than the form can hold (1,500 characters, a name, a token); enforced for /t/ posts in
    /// CareStoriesApp before anything reads the body (a [RequestSizeLimit] filter runs after antiforgery has read it).
    /// </summary>
    public const int MaxRequestBytes = 32 * 1024;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The honeypot: hidden from people, filled in by form-filling bots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public PublicLink Link { get; private set; } = PublicLink.Unknown;

    public string Company => CompanyName.From(configuration);

    public sealed class InputModel
    {
        public string? Text { get; set; }

        public CustomerNaming? Naming { get; set; } = CustomerNaming.Anonymous;

        public string? CustomerName { get; set; }

        public bool Consent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Link = await PublicLink.FindAsync(db, token, time.GetUtcNow(), cancellationToken);
        if (Link.Status != PublicLinkStatus.Open)
        {
            Response.StatusCode = Link.RefusalStatusCode;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Link = await PublicLink.FindAsync(db, token, now, cancellationToken);
        if (Link.Status != PublicLinkStatus.Open)
        {
            Response.StatusCode = Link.RefusalStatusCode;
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            // A bot: it sees the same success a person would, and nothing is kept.
            return RedirectToPage("Sent", new { token });
        }

        var link = await db.ThankYouLinks.SingleAsync(l => l.Token == token, cancellationToken);
        CustomerThanks? thanks = null;
        try
        {
            var naming = Input.Naming ?? (CustomerNaming)(-1);
            thanks = CustomerThanks.Receive(link, new ThanksSubmission(Input.Text, naming, Input.CustomerName, Input.Consent), now);
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        if (!ModelState.IsValid || thanks is null)
        {
            return Page();
        }

        // Only a post that would be kept counts against the address's budget; a refused one keeps its words here.
        var (taken, wait) = await limit.TryTakeAsync(HttpContext);
        if (!taken)
        {
            var seconds = StatusCodeModel.SetRetryAfter(HttpContext, wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, ThanksPostLimit.Refusal(StatusCodeModel.WhenToRetry(seconds)));
            return Page();
        }

        db.CustomerThanks.Add(thanks);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Sent", new { token });
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string Invalid(string key) => Error(key) is null ? "" : "input-validation-error";
}
