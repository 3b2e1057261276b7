using CareStories.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// The per-record check every story page runs before it reads or changes a story. A story the person may not
/// see answers 404, as if it did not exist; one they may see but not change answers 403.
/// </summary>
public sealed class StoryGate(
    CareStoriesDbContext db, IAuthorizationService authorization, Freshness.SharedContentStamp stamp, Freshness.SharedContentCache cache)
{
    public async Task<GateResult> CheckAsync(PageModel page, int storyId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken = default)
    {
        var facts = operation == StoryOperations.Read
            ? await ReadFactsAsync(page, storyId, cancellationToken)
            : await db.AccessFactsAsync(storyId, onlyToRead: false, cancellationToken);
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

    /// <summary>
    /// The facts a page that only reads the story checks: who wrote it, its heroes, its status and its teams change
    /// only in saves that renew the story's own stamp, and its author's teams (the rest of its review teams) in saves
    /// that renew the stamp of changes shown on every story page, so they are kept under the story page's stamps
    /// (<see cref="Freshness.StoryPageStamp"/>), and an applause on another story leaves them kept. Those stamps are
    /// read with the shared one and the reader's bell in one command. A page that changes the story reads them afresh.
    /// </summary>
    private async Task<StoryAccessFacts?> ReadFactsAsync(PageModel page, int storyId, CancellationToken cancellationToken)
    {
        await stamp.CurrentAsync(page.User.PersonId(), storyId, cancellationToken);
        var (storyStamp, storyKey) = await stamp.StoryPageKeyAsync(storyId, cancellationToken);
        var known = await cache.GetOrLoadAsync(
            storyStamp,
            "facts:" + storyKey,
            async () => new KnownFacts(await db.AccessFactsAsync(storyId, onlyToRead: true, cancellationToken)));
        return known.Facts;
    }

    /// <summary>The facts or their absence (no such story), as the cache holds them.</summary>
    private sealed record KnownFacts(StoryAccessFacts? Facts);

    /// <summary>
    /// The author's check for changing a story or its quotes: allowed only while it is a draft or sent back.
    /// Otherwise the person is taken back to the story page, told why.
    /// </summary>
    public async Task<IActionResult?> DenyUnlessEditableAsync(PageModel page, int storyId, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(page, storyId, StoryOperations.Change, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        if (check.Facts!.Status is StoryStatus.Draft or StoryStatus.ChangesRequested)
        {
            return null;
        }

        page.TempData["StatusMessage"] = NotEditableMessage(check.Facts.Status);
        return page.RedirectToPage("/Stories/Details", new { id = storyId });
    }

    private static string NotEditableMessage(StoryStatus status) => status switch
    {
        StoryStatus.Submitted => "This story is waiting for review, so it cannot be changed. Withdraw it if you need to change it.",
        StoryStatus.Published => "This story is published, so it cannot be changed.",
        StoryStatus.Withdrawn => "This story was withdrawn. Reopen it as a draft to change it.",
        _ => "This story cannot be changed now.",
    };
}

/// <summary><see cref="Denied"/> is the answer to return when the check failed; null when the person may go on.</summary>
public sealed record GateResult(IActionResult? Denied, StoryAccessFacts? Facts);
