using CareStories.Web.Photos;

namespace CareStories.Web.Pages.Stories.Photos;

/// <summary>
/// The author's photos on a story while it can be changed: add one (with words that describe it), correct those
/// words, remove one. An upload is checked, decoded and re-encoded before anything is stored.
/// </summary>
// A little over the 10 MB a photo may be, so a slightly larger file still reaches the page and gets its message.
[RefuseOversizedUpload(UploadLimit)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(
    CareStoriesDbContext db, StoryGate gate, PhotoProcessor processor, IPhotoStore store, TimeProvider time) : PageModel
{
    public const long UploadLimit = 11 * 1024 * 1024;

    public int StoryId { get; private set; }

    public string StoryTitle { get; private set; } = "";

    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];

    public bool HasRoom => Photos.Count < Story.MaxPhotos;

    /// <summary>The photo whose description was refused, so its field shows the message and what was typed.</summary>
    public int? DescribeFormFor { get; private set; }

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty]
    public DescribeInput Describe { get; set; } = new();

    // Both forms share this page, so neither carries validation attributes (they would refuse each other's posts).
    public sealed class UploadInput
    {
        public IFormFile? Photo { get; set; }

        public string? AltText { get; set; }
    }

    public sealed class DescribeInput
    {
        public string? AltText { get; set; }
    }

    public FormView Form => new(ModelState);

    public sealed record FormView(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState) : FormState(ModelState);

    public async Task<IActionResult> OnGetAsync(int storyId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (TempData[RefuseOversizedUploadAttribute.TempDataKey] is string tooLarge)
        {
            ModelState.AddModelError($"{nameof(Upload)}.{nameof(UploadInput.Photo)}", tooLarge);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int storyId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        // Cheap checks first: the words and the room on the story, before a byte of the file is decoded.
        var story = await db.Stories.Include(s => s.Photos).SingleAsync(s => s.Id == storyId, cancellationToken);
        var errors = new List<DomainError>();
        Collect(errors, story.EnsureRoomForPhoto);
        Collect(errors, () => StoryPhoto.NormalizeAltText(Upload.AltText));
        if (Upload.Photo is null && errors.All(e => e.Field != PhotoProcessor.Field))
        {
            errors.Add(new DomainError(PhotoProcessor.Field, "Choose a photo to upload."));
        }

        if (errors.Count > 0)
        {
            return await RefusedAsync(new DomainException(errors), cancellationToken);
        }

        ProcessedPhoto processed;
        try
        {
            processed = processor.Process(await PhotoUploads.ReadAsync(Upload.Photo!, cancellationToken));
        }
        catch (DomainException ex)
        {
            return await RefusedAsync(ex, cancellationToken);
        }

        var key = processed.File.StorageKey;
        await store.SaveAsync(key, PhotoVariant.Display, processed.Display, processed.File.ContentType, cancellationToken);
        await store.SaveAsync(key, PhotoVariant.Thumb, processed.Thumbnail, processed.File.ContentType, cancellationToken);
        try
        {
            story.AddPhoto(processed.File, Upload.AltText, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Nothing points at the stored files now: they must not linger.
            await store.DeleteAsync(key, CancellationToken.None);
            if (ex is DomainException refusal)
            {
                return await RefusedAsync(refusal, cancellationToken);
            }

            throw;
        }

        TempData["StatusMessage"] = "The photo was added.";
        return RedirectToPage(null, null, new { storyId }, "photos");
    }

    public async Task<IActionResult> OnPostDescribeAsync(int storyId, int photoId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, photoId, cancellationToken) is { } stop)
        {
            return stop;
        }

        var story = await db.Stories.Include(s => s.Photos).SingleAsync(s => s.Id == storyId, cancellationToken);
        try
        {
            story.DescribePhoto(photoId, Describe.AltText, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            DescribeFormFor = photoId;
            ModelState.AddDomainErrors(ex, nameof(Describe));
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "The photo's description was saved.";
        return RedirectToPage(null, null, new { storyId }, $"photo-{photoId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int storyId, int photoId, CancellationToken cancellationToken)
    {
        if (await GuardAsync(storyId, photoId, cancellationToken) is { } stop)
        {
            return stop;
        }

        var story = await db.Stories.Include(s => s.Photos).SingleAsync(s => s.Id == storyId, cancellationToken);
        var removed = story.RemovePhoto(photoId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        // The row is gone first: a failure here leaves an unreachable file, never a photo without its file.
        await store.DeleteAsync(removed.StorageKey, CancellationToken.None);
        TempData["StatusMessage"] = "The photo was removed.";
        return RedirectToPage(null, null, new { storyId }, "photos");
    }

    public bool IsDescribing(int photoId) => DescribeFormFor == photoId;

    private static void Collect(List<DomainError> errors, Action check)
    {
        try
        {
            check();
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
        }
    }

    private async Task<IActionResult> RefusedAsync(DomainException refusal, CancellationToken cancellationToken)
    {
        ModelState.AddDomainErrors(refusal, nameof(Upload));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Photos = await db.PhotosOfStoryAsync(StoryId, cancellationToken);

    /// <summary>The author only, only while the story can be changed, and only for a photo on this story.</summary>
    private async Task<IActionResult?> GuardAsync(int storyId, int? photoId, CancellationToken cancellationToken)
    {
        if (await gate.DenyUnlessEditableAsync(this, storyId, cancellationToken) is { } stop)
        {
            return stop;
        }

        var title = await db.Stories.AsNoTracking()
            .Where(s => s.Id == storyId && (photoId == null || s.Photos.Any(p => p.Id == photoId)))
            .Select(s => s.Title)
            .SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        (StoryId, StoryTitle) = (storyId, title);
        return null;
    }
}
