using CareStories.Web.Photos;

namespace CareStories.Web.Pages.People;

/// <summary>
/// A person's profile photo, to anyone signed in (colleagues see each other's names and faces on every story); a
/// key that is nobody's current photo (replaced, removed or taken down) is a 404. Served like story photos.
/// </summary>
public sealed class PhotoModel(CareStoriesDbContext db, IPhotoStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string key, string variant, CancellationToken cancellationToken)
    {
        if (!PhotoVariants.IsValidKey(key) || !PhotoVariants.TryParse(variant, out var size)
            || !await db.Users.AsNoTracking().AnyAsync(p => p.PhotoKey == key, cancellationToken))
        {
            return NotFound();
        }

        return await this.ServeAsync(store, key, size, cancellationToken);
    }
}
