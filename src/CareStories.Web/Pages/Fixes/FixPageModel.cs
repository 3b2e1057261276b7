using System.Globalization;
using CareStories.Domain.Fixes;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CareStories.Web.Pages.Fixes;

/// <summary>
/// A page about one fix. Before any handler runs, the fix is checked once against what the page does
/// (<see cref="Operation"/>): no such fix answers 404; one the person may not act on, 403. Handlers find its facts
/// in <see cref="Facts"/>.
/// </summary>
public abstract class FixPageModel(CareStoriesDbContext db, IAuthorizationService authorization) : PageModel
{
    protected virtual OperationAuthorizationRequirement Operation => FixOperations.Read;

    public FixFacts Facts { get; private set; } = null!;

    public int FixId => Facts.FixId;

    protected CareStoriesDbContext Db => db;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var routeValue = Convert.ToString(context.RouteData.Values["id"], CultureInfo.InvariantCulture);
        var facts = int.TryParse(routeValue, NumberStyles.None, CultureInfo.InvariantCulture, out var fixId)
            ? await db.FixFactsAsync(fixId, HttpContext.RequestAborted)
            : null;
        if (facts is null)
        {
            context.Result = NotFound();
            return;
        }

        if (!(await authorization.AuthorizeAsync(User, facts, Operation)).Succeeded)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }

        Facts = facts;
        await next();
    }

    /// <summary>Back to the fix's page, saying <paramref name="message"/>.</summary>
    protected IActionResult BackToFix(string message, string? fragment = null)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage("/Fixes/Details", null, new { id = FixId }, fragment);
    }

    /// <summary>The fix, loaded to change it, with what its rules read.</summary>
    protected Task<Fix> LoadFixAsync(CancellationToken cancellationToken) =>
        db.Fixes.Include(f => f.Stories).Include(f => f.Credits).Include(f => f.History).SingleAsync(f => f.Id == FixId, cancellationToken);

    protected async Task<bool> AllowedAsync(OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, Facts, operation)).Succeeded;

    protected async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
