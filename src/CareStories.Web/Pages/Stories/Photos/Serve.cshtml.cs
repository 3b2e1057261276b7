using CareStories.Web.Authorization;
using CareStories.Web.Photos;

namespace CareStories.Web.Pages.Stories.Photos;

/// <summary>
/// A story's photo, to whoever may read the story, and to nobody else: any other reader gets the same 404 as for a
/// key that does not exist. Keys never change, so a browser keeps the bytes for good and revalidates by ETag.
/// </summary>
public sealed class ServeModel(CareStoriesDbContext db, StoryGate gate, IPhotoStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string key, string variant, CancellationToken cancellationToken)
    {
        if (!PhotoVariants.IsValidKey(key) || !PhotoVariants.TryParse(variant, out var size))
        {
            return NotFound();
        }

        var storyId = await db.StoryPhotos.AsNoTracking()
            .Where(p => p.StorageKey == key)
            .Select(p => (int?)p.StoryId)
            .SingleOrDefaultAsync(cancellationToken);
        if (storyId is not { } id)
        {
            return NotFound();
        }

        if ((await gate.CheckAsync(this, id, StoryOperations.Read, cancellationToken)).Denied is not null)
        {
            return NotFound();
        }

        return await this.ServeAsync(store, key, size, cancellationToken);
    }
}
