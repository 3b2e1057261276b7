using System.ComponentModel.DataAnnotations;
using CareStories.Domain.Settings;
using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using CareStories.Web.Photos;

namespace CareStories.Web.Pages.Review;

/// <summary>
/// A reviewer reads a waiting story whole and publishes it, or sends it back to its author with a comment.
/// Only those who may review it get in; a story that stopped waiting sends them back to the queue, told why.
/// </summary>
public sealed class StoryModel(CareStoriesDbContext db, StoryGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public StoryView Story { get; private set; } = null!;

    public ReviewWait Wait { get; private set; } = new(TimeSpan.Zero, false);

    public int OverdueDays { get; private set; } = CompanySettings.DefaultReviewOverdueDays;

    public sealed class ReviewInput
    {
        [Display(Name = "What should the author change?")]
        public string? Comment { get; set; }
    }

    /// <summary>The story's photos, in their order.</summary>
    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        ReviewAsync(id, (story, me, now) =>
        {
            story.Publish(me, now);
            return $"“{story.Title}” is published: everyone can read it now, and its author and the people credited have been told.";
        }, cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken cancellationToken) =>
        ReviewAsync(id, (story, me, now) =>
        {
            story.RequestChanges(me, Input.Comment, now);
            return $"“{story.Title}” was sent back to {story.Author.DisplayName} with your comment. It comes back here when they resubmit it.";
        }, cancellationToken);

    private async Task<IActionResult> ReviewAsync(
        int id, Func<Story, string, DateTimeOffset, string> review, CancellationToken cancellationToken)
    {
        if (await DenyAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        var story = await db.Stories
            .Include(s => s.Author).Include(s => s.Heroes)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        string done;
        try
        {
            done = review(story, User.PersonId(), time.GetUtcNow());

            // The story's people hear through its events. Another manager deciding the same story a moment earlier
            // wins: this save is refused and says who decided first and when.
            await db.SaveStoryAsync(id, cancellationToken);
        }
        catch (DomainException ex)
        {
            // Nothing is saved; what the reviewer wrote stays in the box.
            ModelState.AddDomainErrors(ex);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["StatusMessage"] = done;
        return RedirectToPage("Index");
    }

    /// <summary>
    /// 404 for a story this person may not read, 403 for one they may read but not review (their own, one that
    /// credits them, another team's); back to the queue when it is no longer waiting. Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> DenyAsync(int id, CancellationToken cancellationToken)
    {
        var check = await gate.CheckAsync(this, id, StoryOperations.Review, cancellationToken);
        if (check.Denied is { } denied)
        {
            return denied;
        }

        if (check.Facts!.Status == StoryStatus.Submitted)
        {
            return null;
        }

        TempData["StatusMessage"] = await NoLongerWaitingAsync(id, cancellationToken);
        return RedirectToPage("Index");
    }

    private async Task<string> NoLongerWaitingAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Title,
                s.Status,
                Last = s.History.OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                    .Select(h => new { h.ActorId, Name = db.Users.Where(u => u.Id == h.ActorId).Select(u => u.DisplayName).FirstOrDefault() })
                    .FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var who = story.Last is null ? "someone else"
            : story.Last.ActorId == User.PersonId() ? "you"
            : story.Last.Name ?? "someone else";
        return story.Status switch
        {
            StoryStatus.Published => $"“{story.Title}” is no longer waiting: it was already published by {who}.",
            StoryStatus.ChangesRequested => $"“{story.Title}” is no longer waiting: it was already sent back to its author by {who}.",
            StoryStatus.Withdrawn => $"“{story.Title}” is no longer waiting: its author withdrew it.",
            _ => $"“{story.Title}” is no longer waiting for review.",
        };
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        var settings = await db.CompanySettings.CurrentAsync(cancellationToken);
        OverdueDays = settings.ReviewOverdueDays;
        Story = await StoryView.ReadAsync(db, id, cancellationToken);
        Photos = await db.PhotosOfStoryAsync(id, cancellationToken);
        Wait = ReviewWait.Of(Story.SubmittedAt, time.GetUtcNow(), OverdueDays);
    }
}
