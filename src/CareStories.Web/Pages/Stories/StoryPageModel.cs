using System.Globalization;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// A page about one story. Before any of its handlers runs, the story is checked once against what the page does
/// (<see cref="Operation"/>): a story the person may not read answers 404, as if it did not exist; one they may read
/// but not act on answers 403. Handlers then find the story's access facts in <see cref="Facts"/>.
/// </summary>
public abstract class StoryPageModel(StoryGate gate) : PageModel
{
    private const string CarriedRefusalsKey = "StoryRefusals";

    /// <summary>What every handler of this page does with the story.</summary>
    protected virtual OperationAuthorizationRequirement Operation => StoryOperations.Read;

    /// <summary>The route value that names the story.</summary>
    protected virtual string StoryIdRouteValue => "id";

    public StoryAccessFacts Facts { get; private set; } = null!;

    public int StoryId => Facts.StoryId;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var routeValue = Convert.ToString(context.RouteData.Values[StoryIdRouteValue], CultureInfo.InvariantCulture);
        if (!int.TryParse(routeValue, NumberStyles.None, CultureInfo.InvariantCulture, out var storyId))
        {
            context.Result = NotFound();
            return;
        }

        var check = await gate.CheckAsync(this, storyId, Operation, HttpContext.RequestAborted);
        if (check.Denied is { } denied)
        {
            context.Result = denied;
            return;
        }

        Facts = check.Facts!;
        if (await CheckRecordAsync(HttpContext.RequestAborted) is { } stop)
        {
            context.Result = stop;
            return;
        }

        await next();
    }

    /// <summary>A further check of the record the page is about (a comment on the story, say); null to go on.</summary>
    protected virtual Task<IActionResult?> CheckRecordAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult?>(null);

    /// <summary>Back to the story page, at <paramref name="fragment"/>, saying <paramref name="message"/>.</summary>
    protected IActionResult BackToStory(string? message, string? fragment = null)
    {
        if (message is not null)
        {
            TempData["StatusMessage"] = message;
        }

        return RedirectToPage("/Stories/Details", null, new { id = StoryId }, fragment);
    }

    /// <summary>
    /// Back to the story page with a refusal's messages in its error summary. For actions where nothing was typed
    /// (submit, withdraw, applaud, feature), so there is nothing to keep but the reason.
    /// </summary>
    protected IActionResult RefusedBackToStory(DomainException refusal, string? fragment = null)
    {
        TempData[CarriedRefusalsKey] = string.Join('\n', refusal.Errors.Select(e => e.Message));
        return RedirectToPage("/Stories/Details", null, new { id = StoryId }, fragment);
    }

    /// <summary>Puts the messages a refused action carried over into this page's error summary.</summary>
    protected void ShowCarriedRefusals()
    {
        if (TempData[CarriedRefusalsKey] is string carried)
        {
            foreach (var message in carried.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }
    }
}
