using CareStories.Web.Pages.Stories.Photos;
using CareStories.Web.Photos;

namespace CareStories.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// A person adds, replaces or removes their own profile photo, and nobody else's: the page only ever acts on the
/// signed-in person. An upload goes through the same checks and re-encoding as a story's photos, cut to a square.
/// </summary>
// A little over the 10 MB a photo may be, so a slightly larger file still reaches the page and gets its message.
[RefuseOversizedUpload(UploadLimit)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class PhotoModel(CareStoriesDbContext db, PhotoProcessor processor, IPhotoStore store) : PageModel
{
    public const long UploadLimit = CareStories.Web.Pages.Stories.Photos.IndexModel.UploadLimit;

    public string Name { get; private set; } = "";

    public string? PhotoKey { get; private set; }

    /// <summary>The Admin's takedown of the photo the person had, when they have none since.</summary>
    public Takedown? TakenDown { get; private set; }

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public FormView Form => new(ModelState);

    public sealed record FormView(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState) : FormState(ModelState);

    public sealed record Takedown(DateTimeOffset At, string Reason);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[RefuseOversizedUploadAttribute.TempDataKey] is string tooLarge)
        {
            ModelState.AddModelError(nameof(Photo), tooLarge);
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Photo is null)
        {
            ModelState.AddModelError(nameof(Photo), "Choose a photo to upload.");
            return Page();
        }

        ProcessedPhoto processed;
        try
        {
            processed = processor.ProcessPortrait(await PhotoUploads.ReadAsync(Photo, cancellationToken));
        }
        catch (DomainException ex)
        {
            // Every refusal of a picture is about the one field on this form.
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(nameof(Photo), error.Message);
            }

            return Page();
        }

        var key = processed.File.StorageKey;
        await store.SaveAsync(key, PhotoVariant.Display, processed.Display, processed.File.ContentType, cancellationToken);
        await store.SaveAsync(key, PhotoVariant.Thumb, processed.Thumbnail, processed.File.ContentType, cancellationToken);
        string? replaced;
        try
        {
            var me = await db.Users.SingleAsync(p => p.Id == User.PersonId(), cancellationToken);
            replaced = me.ReplacePhoto(key);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing points at the stored files now: they must not linger.
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        // The row points at the new photo first: a failure here leaves an unreachable file, never a missing photo.
        if (replaced is not null)
        {
            await store.DeleteAsync(replaced, CancellationToken.None);
        }

        TempData["StatusMessage"] = replaced is null ? "Your photo was added." : "Your photo was replaced.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var me = await db.Users.SingleAsync(p => p.Id == User.PersonId(), cancellationToken);
        string removed;
        try
        {
            removed = me.RemovePhoto();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(removed, CancellationToken.None);
        TempData["StatusMessage"] = "Your photo was removed.";
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.PersonId();
        var person = await db.Users.AsNoTracking()
            .Where(p => p.Id == me)
            .Select(p => new
            {
                p.DisplayName,
                p.PhotoKey,
                Takedown = p.PhotoTakedowns.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
                    .Select(t => new Takedown(t.At, t.Reason)).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        (Name, PhotoKey) = (person.DisplayName, person.PhotoKey);
        TakenDown = person.PhotoKey is null ? person.Takedown : null;
        return null;
    }
}
