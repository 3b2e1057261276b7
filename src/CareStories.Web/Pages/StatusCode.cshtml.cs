namespace CareStories.Web.Pages;

/// <summary>The friendly page behind 403, 404 and the other error codes (re-executed by the status code pages).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    /// <summary>Where the code that refused a request can leave a more precise explanation than the code's own.</summary>
    public const string ExplanationKey = "CareStories.StatusExplanation";

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    private const string RetryAfterKey = "CareStories.RetryAfterSeconds";

    /// <summary>Tells the browser (Retry-After) and this page how long a refused client should wait.</summary>
    public static int SetRetryAfter(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Items[RetryAfterKey] = seconds;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>"in 1 second", "in 45 seconds", "in 2 minutes": when a refused client may try again.</summary>
    public static string WhenToRetry(int seconds) => seconds switch
    {
        1 => "in 1 second",
        < 90 => $"in {seconds.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)} seconds",
        _ => $"in {Math.Ceiling(seconds / 60.0).ToString("N0", System.Globalization.CultureInfo.CurrentCulture)} minutes",
    };

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            StatusCodes.Status403Forbidden => ("You cannot open this page",
                "Your account does not have access to it. If you think it should, ask your administrator."),
            StatusCodes.Status404NotFound => ("We could not find that page",
                "The link may be old, or what it pointed to was removed or is not shared with you."),
            StatusCodes.Status400BadRequest => ("That request could not be handled",
                "Go back, reload the page and try again."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts",
                HttpContext.Items[RetryAfterKey] is int seconds
                    ? $"For your account's safety, this needs a short pause. Try again {WhenToRetry(SetRetryAfter(HttpContext, TimeSpan.FromSeconds(seconds)))}."
                    : "For your account's safety, this needs a short pause. Wait a minute and try again."),
            _ => ("Something went wrong", "Try again in a moment."),
        };
        if (HttpContext.Items[ExplanationKey] is string explanation)
        {
            Explanation = explanation;
        }
    }
}
