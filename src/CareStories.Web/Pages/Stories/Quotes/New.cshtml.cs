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
        if (await gate.DenyUnlessEditableAsync(this, storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        StoryId = storyId;
        StoryTitle = await db.Stories.AsNoTracking().Where(s => s.Id == storyId).Select(s => s.Title).SingleAsync(cancellationToken);
        return null;
    }
}
