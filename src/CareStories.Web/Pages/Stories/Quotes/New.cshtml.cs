using CareStories.Domain;
using CareStories.Domain.Data;
using CareStories.Domain.Stories;
using CareStories.Web.Authorization;
using CareStories.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareStories.Web.Pages.Stories.Quotes;

/// <summary>The author adds a customer's words to a draft or a story that was sent back.</summary>
public sealed class NewModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public QuoteInput Input { get; set; } = new();

    public int StoryId { get; private set; }

    public string StoryTitle { get; private set; } = "";

    public QuoteFormView Form => new(Input, ModelState, TextRules.LatestToday(time.GetUtcNow()));

    public async Task<IActionResult> OnGetAsync(int storyId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        Input.ReceivedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int storyId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var story = await db.Stories.Include(s => s.Quotes).SingleAsync(s => s.Id == storyId, cancellationToken);
        try
        {
            story.AddQuote(Input.ToDetails(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "The quote was added.";
        return RedirectToPage("/Stories/Details", null, new { id = storyId }, "quotes");
    }

    /// <summary>The author only, and only while the story can be changed.</summary>
    private async Task<IActionResult?> GuardAsync(int storyId, CancellationToken cancellationToken)
    {
        if ((await gate.CheckAsync(this, storyId, StoryOperations.Change, cancellationToken)).Denied is { } denied)
        {
            return denied;
        }

        var story = await db.Stories.AsNoTracking().Where(s => s.Id == storyId)
            .Select(s => new { s.Title, s.Status }).SingleAsync(cancellationToken);
        if (story.Status is not (StoryStatus.Draft or StoryStatus.ChangesRequested))
        {
            TempData["StatusMessage"] = Stories.EditModel.NotEditableMessage(story.Status);
            return RedirectToPage("/Stories/Details", new { id = storyId });
        }

        (StoryId, StoryTitle) = (storyId, story.Title);
        return null;
    }
}
