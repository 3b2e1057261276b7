namespace CareStories.Web.Pages.Mail;

/// <summary>
/// Where an email's "stop these emails" link lands, signed in or not: the signed token says who and what. Opening
/// the link only asks (mail scanners open links); the button does it.
/// </summary>
public sealed class UnsubscribeModel(Unsubscribing unsubscribing) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>What the link turns off, in words; null when the link is not valid.</summary>
    public string? What { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        What = await unsubscribing.DescribeAsync(Token, cancellationToken);
        return What is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = await unsubscribing.ApplyAsync(Token, cancellationToken);
        return Done is null ? Invalid() : Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
