using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareStories.Web.Pages;

/// <summary>The friendly page behind 403, 404 and the other error codes (re-executed by the status code pages).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    /// <summary>Where the code that refused a request can leave a more precise explanation than the code's own.</summary>
    public const string ExplanationKey = "CareStories.StatusExplanation";

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

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
                "Wait a minute and try again."),
            _ => ("Something went wrong", "Try again in a moment."),
        };
        if (HttpContext.Items[ExplanationKey] is string explanation)
        {
            Explanation = explanation;
        }
    }
}
