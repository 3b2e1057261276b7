using CareStories.Domain.Settings;
using CareStories.Web.Notifications;

namespace CareStories.Web.Pages.Stories;

/// <summary>The author changes a draft or a story that was sent back, and may submit it (again).</summary>
public sealed class EditModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public StoryInput Input { get; set; } = new();

    public int Id { get; private set; }

    public StoryStatus Status { get; private set; }

    public string? ReviewComment { get; private set; }

    public int PhotoCount { get; private set; }

    public StoryFormOptions Options { get; private set; } = StoryFormOptions.Empty;

    public StoryFormView Form => new(Input, Options, ModelState, TextRules.LatestToday(time.GetUtcNow()));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await gate.DenyUnlessEditableAsync(this, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        var story = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Status,
                s.ReviewComment,
                PhotoCount = s.Photos.Count(),
                Input = new StoryInput
                {
                    Title = s.Title,
                    OccurredOn = s.OccurredOn,
                    Situation = s.Situation,
                    ImmediateAction = s.ImmediateAction,
                    Prevention = s.Prevention,
                    Outcome = s.Outcome,
                    SpendAmount = s.Spend == null ? null : s.Spend.Amount,
                    SpendCurrency = s.Spend == null ? null : s.Spend.Currency,
                    SpendPurpose = s.Spend == null ? null : s.Spend.Purpose,
                    Heroes = s.Heroes.Select(h => h.PersonId).ToList(),
                    Teams = s.Teams.Select(t => t.TeamId).ToList(),
                    Values = s.Values.Select(v => v.ValueId).ToList(),
                },
            })
            .SingleAsync(cancellationToken);
        (Id, Status, ReviewComment, Input) = (id, story.Status, story.ReviewComment, story.Input);
        PhotoCount = story.PhotoCount;
        Input.Latitude = await Permission.LatitudeInput.ReadAsync(db, id, cancellationToken);
        Options = await StoryFormOptions.LoadAsync(db, Input.Values, cancellationToken, Input.Heroes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? intent, CancellationToken cancellationToken)
    {
        if (await gate.DenyUnlessEditableAsync(this, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        var story = await db.Stories
            .Include(s => s.Heroes).Include(s => s.Teams).Include(s => s.Values).Include(s => s.History)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        (Id, Status, ReviewComment) = (id, story.Status, story.ReviewComment);
        PhotoCount = await db.StoryPhotos.CountAsync(p => p.StoryId == id, cancellationToken);
        Options = await StoryFormOptions.LoadAsync(
            db, story.Values.Select(v => v.ValueId).ToList(), cancellationToken, story.Heroes.Select(h => h.PersonId).ToList());
        Options.CheckChoices(Input, ModelState);
        var me = User.PersonId();
        var now = time.GetUtcNow();
        var publishWithoutReview = intent == "submit" && (await db.CompanySettings.CurrentAsync(cancellationToken)).PublishWithoutReview;
        try
        {
            if (intent == "submit")
            {
                Input.EnsureSubmittable(now);
            }

            story.Edit(Input.ToContent(), now);
            story.ApplyChoices(Input);
            if (intent == "submit")
            {
                story.Submit(me, now, publishWithoutReview);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await Options.Latitude.RecordAsync(db, story, Input, me, now, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            // Nothing is saved; everything typed stays on the page.
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = story.Status switch
        {
            StoryStatus.Submitted => "Your story was submitted for review.",
            StoryStatus.Published => "Your story is published: everyone can read it now. Your company publishes stories without a manager's review.",
            _ => "Your changes were saved.",
        };
        return RedirectToPage("Details", new { id });
    }
}
