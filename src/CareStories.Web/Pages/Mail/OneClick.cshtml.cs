namespace CareStories.Web.Pages.Mail;

/// <summary>
/// The address in the List-Unsubscribe header (RFC 8058): a mail provider's "unsubscribe" button POSTs
/// <c>List-Unsubscribe=One-Click</c> here, without cookies or a form. The signed token is what authorizes it, so the
/// antiforgery check (which protects cookie-authenticated forms) does not apply and is switched off for this page only.
/// </summary>
[IgnoreAntiforgeryToken(Order = 2000)]
public sealed class OneClickModel(Unsubscribing unsubscribing) : PageModel
{
    // A person who opens the header's address in a browser gets the page with the button.
    public IActionResult OnGet(string? token) => RedirectToPage("/Mail/Unsubscribe", new { token });

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var done = await unsubscribing.ApplyAsync(token, cancellationToken);
        return done is null
            ? new ContentResult { StatusCode = StatusCodes.Status400BadRequest, Content = "This unsubscribe link is not valid.", ContentType = "text/plain; charset=utf-8" }
            : Content(done, "text/plain; charset=utf-8");
    }
}
