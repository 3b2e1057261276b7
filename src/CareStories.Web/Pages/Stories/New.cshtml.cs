using CareStories.Domain.Settings;
using CareStories.Web.Notifications;

namespace CareStories.Web.Pages.Stories;

/// <summary>Write a new story: save it as a draft, or submit it for review straight away.</summary>
public sealed class NewModel(CareStoriesDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public StoryInput Input { get; set; } = new();

    public StoryFormOptions Options { get; private set; } = StoryFormOptions.Empty;

    public StoryFormView Form => new(Input, Options, ModelState, TextRules.LatestToday(time.GetUtcNow()));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        Input.Heroes = [me];
        Input.Teams = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.PersonId == me)
            .Select(m => m.TeamId)
            .ToListAsync(cancellationToken);
        Input.OccurredOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Options = await StoryFormOptions.LoadAsync(db, [], cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? intent, CancellationToken cancellationToken)
    {
        Options = await StoryFormOptions.LoadAsync(db, [], cancellationToken);
        Options.CheckChoices(Input, ModelState);
        var me = User.PersonId();
        var now = time.GetUtcNow();
        var publishWithoutReview = intent == "submit" && (await db.CompanySettings.CurrentAsync(cancellationToken)).PublishWithoutReview;
        Story? story = null;
        try
        {
            // The story's own rules run even when a field could not be read, so every problem shows at once.
            if (intent == "submit")
            {
                Input.EnsureSubmittable(now);
            }

            story = new Story(me, Input.ToContent(), now);
            story.ApplyChoices(Input);
            if (intent == "submit")
            {
                // A refused submission saves nothing: the person fixes what is missing, or saves a draft.
                story.Submit(me, now, publishWithoutReview);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await Options.Latitude.RecordAsync(db, story, Input, me, now, ModelState, cancellationToken);
        if (!ModelState.IsValid || story is null)
        {
            return Page();
        }

        // Whoever should hear of a submission is told in the same save (the story's events).
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);

        TempData["StatusMessage"] = story.Status switch
        {
            StoryStatus.Submitted => "Your story was submitted. A manager of your team will review it.",
            StoryStatus.Published => "Your story is published: everyone can read it now. Your company publishes stories without a manager's review.",
            _ => "Your draft was saved. Add the customer's own words, then submit it for review when it is ready.",
        };
        return RedirectToPage("Details", new { id = story.Id });
    }
}
