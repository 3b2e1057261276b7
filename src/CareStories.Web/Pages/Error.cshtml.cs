namespace CareStories.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    // The request id every log entry of this request carries (request= in the text log, requestId in JSON).
    public void OnGet() => RequestId = HttpContext.TraceIdentifier;

    public void OnPost() => OnGet();
}
