using System.ComponentModel.DataAnnotations;
using CareStories.Web.Authorization;
using CareStories.Web.Pages.Stories;
using CareStories.Web.Photos;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin.Photos;

/// <summary>
/// An Admin takes a photo off a story whatever its status (a customer's face, a licence plate, an address), with a
/// reason kept on record. The photo's files are deleted; only who removed a photo, when and why is kept. A draft's
/// photos are not the Admin's to see, so they answer 404 like the draft itself.
/// </summary>
public sealed class RemoveModel(CareStoriesDbContext db, StoryGate gate, IPhotoStore store, TimeProvider time) : PageModel
{
    [BindProperty]
    public RemoveInput Input { get; set; } = new();

    public PhotoToRemove Photo { get; private set; } = null!;

    public RemoveForm Form => new(ModelState);

    public sealed class RemoveInput
    {
        [Required(ErrorMessage = "Say why the photo is being removed; the reason is kept on record.")]
        [StringLength(PhotoTakedown.ReasonMaxLength, ErrorMessage = "Keep the reason to {1:N0} characters or fewer.")]
        [Display(Name = "Why")]
        public string? Reason { get; set; }
    }

    public sealed record RemoveForm(ModelStateDictionary ModelState) : FormState(ModelState);

    public sealed record PhotoToRemove(int Id, int StoryId, string StoryTitle, string Key, string AltText, int ThumbnailWidth, int ThumbnailHeight)
    {
        public string ThumbnailPath => PhotoPaths.For(Key, PhotoVariant.Thumb);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var story = await db.Stories
            .Include(s => s.Photos.Where(p => p.Id == id))
            .SingleAsync(s => s.Id == Photo.StoryId, cancellationToken);
        StoryPhoto removed;
        try
        {
            removed = story.TakeDownPhoto(id, User.PersonId(), Input.Reason, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        // The row is gone first: a failure here leaves an unreachable file, never a photo without its file.
        await store.DeleteAsync(removed.StorageKey, CancellationToken.None);
        TempData["StatusMessage"] = "The photo was removed for good. The reason is on record on the story.";
        return RedirectToPage("/Stories/Details", null, new { id = Photo.StoryId }, "photos");
    }

    /// <summary>Reads the photo and its story; the answer to return when it does not exist or may not be seen.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var photo = await db.StoryPhotos.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PhotoToRemove(
                p.Id,
                p.StoryId,
                db.Stories.Where(s => s.Id == p.StoryId).Select(s => s.Title).First(),
                p.StorageKey,
                p.AltText,
                p.ThumbnailWidth,
                p.ThumbnailHeight))
            .SingleOrDefaultAsync(cancellationToken);
        if (photo is null || (await gate.CheckAsync(this, photo.StoryId, StoryOperations.Read, cancellationToken)).Denied is not null)
        {
            return NotFound();
        }

        Photo = photo;
        return null;
    }
}
