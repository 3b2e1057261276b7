using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// The per-record check every story page runs before it reads or changes a story. A story the person may not
/// see answers 404, as if it did not exist; one they may see but not change answers 403.
/// </summary>
public sealed class StoryGate(CareStoriesDbContext db, IAuthorizationService authorization)
{
    public async Task<GateResult> CheckAsync(PageModel page, int storyId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken = default)
    {
        var facts = await db.Stories.AccessFactsAsync(storyId, cancellationToken);
        if (facts is null || !(await authorization.AuthorizeAsync(page.User, facts, StoryOperations.Read)).Succeeded)
        {
            return new GateResult(page.NotFound(), facts);
        }

        if (operation != StoryOperations.Read && !(await authorization.AuthorizeAsync(page.User, facts, operation)).Succeeded)
        {
            return new GateResult(page.StatusCode(StatusCodes.Status403Forbidden), facts);
        }

        return new GateResult(null, facts);
    }
}

/// <summary><see cref="Denied"/> is the answer to return when the check failed; null when the person may go on.</summary>
public sealed record GateResult(IActionResult? Denied, StoryAccessFacts? Facts);
