using CareStories.Web.Authorization;
using CareStories.Web.Photos;

namespace CareStories.Web.Pages.Stories;

/// <summary>Asks before deleting a draft; only drafts can be deleted, and only by their author.</summary>
public sealed class DeleteModel(CareStoriesDbContext db, StoryGate gate, IPhotoStore photos) : PageModel
{
    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if ((await gate.CheckAsync(this, id, StoryOperations.Change, cancellationToken)).Denied is { } denied)
        {
            return denied;
        }

        var story = await db.Stories.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Title, s.Status }).SingleAsync(cancellationToken);
        if (story.Status != Domain.Stories.StoryStatus.Draft)
        {
            TempData["StatusMessage"] = "Only a draft can be deleted. Withdraw the story instead.";
            return RedirectToPage("Details", new { id });
        }

        (Id, Title) = (id, story.Title);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if ((await gate.CheckAsync(this, id, StoryOperations.Change, cancellationToken)).Denied is { } denied)
        {
            return denied;
        }

        var story = await db.Stories.SingleAsync(s => s.Id == id, cancellationToken);
        try
        {
            story.EnsureDeletable();
        }
        catch (DomainException ex)
        {
            TempData["StatusMessage"] = ex.Message;
            return RedirectToPage("Details", new { id });
        }

        // Quotes, photos, heroes, teams, values and history go with it (cascade); the photo files once it is gone.
        var photoKeys = await db.StoryPhotos.AsNoTracking().Where(p => p.StoryId == id).Select(p => p.StorageKey).ToListAsync(cancellationToken);
        db.Stories.Remove(story);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in photoKeys)
        {
            await photos.DeleteAsync(key, CancellationToken.None);
        }

        TempData["StatusMessage"] = $"The draft \u201c{story.Title}\u201d was deleted.";
        return RedirectToPage("Index");
    }
}
