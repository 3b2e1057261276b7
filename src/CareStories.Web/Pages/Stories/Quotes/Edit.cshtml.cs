namespace CareStories.Web.Pages.Stories.Quotes;

/// <summary>The author corrects or removes a quote while the story can be changed.</summary>
public sealed class EditModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public QuoteInput Input { get; set; } = new();

    public int StoryId { get; private set; }

    public int QuoteId { get; private set; }

    public string StoryTitle { get; private set; } = "";

    public QuoteFormView Form => new(Input, ModelState, TextRules.LatestToday(time.GetUtcNow()));

    public async Task<IActionResult> OnGetAsync(int storyId, int quoteId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, quoteId, cancellationToken) is { } stop)
        {
            return stop;
        }

        Input = await db.Quotes.AsNoTracking()
            .Where(q => q.Id == quoteId)
            .Select(q => new QuoteInput
            {
                Text = q.Text,
                Source = q.Source,
                ReceivedOn = q.ReceivedOn,
                Naming = q.Naming,
                CustomerName = q.CustomerName,
            })
            .SingleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int storyId, int quoteId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, quoteId, cancellationToken) is { } stop)
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
            story.EditQuote(quoteId, Input.ToDetails(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "The quote was updated.";
        return RedirectToPage("/Stories/Details", null, new { id = storyId }, "quotes");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int storyId, int quoteId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, quoteId, cancellationToken) is { } stop)
        {
            return stop;
        }

        var story = await db.Stories.Include(s => s.Quotes).SingleAsync(s => s.Id == storyId, cancellationToken);
        story.RemoveQuote(quoteId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "The quote was removed.";
        return RedirectToPage("/Stories/Details", null, new { id = storyId }, "quotes");
    }

    /// <summary>The author only, only while the story can be changed, and only for a quote on this story.</summary>
    private async Task<IActionResult?> GuardAsync(int storyId, int quoteId, CancellationToken cancellationToken)
    {
        if (await gate.DenyUnlessEditableAsync(this, storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        var title = await db.Stories.AsNoTracking()
            .Where(s => s.Id == storyId && s.Quotes.Any(q => q.Id == quoteId))
            .Select(s => s.Title)
            .SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        (StoryId, QuoteId, StoryTitle) = (storyId, quoteId, title);
        return null;
    }
}
