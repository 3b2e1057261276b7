using CareStories.Web.Authorization;
using CareStories.Web.Photos;
using Microsoft.Net.Http.Headers;

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

        var etag = new EntityTagHeaderValue($"\"{key}-{size.Slug()}\"");
        var headers = Response.Headers;
        headers.CacheControl = "private, max-age=31536000, immutable";
        headers.ETag = etag.ToString();
        headers.XContentTypeOptions = "nosniff";
        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        if (await store.OpenAsync(key, size, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        headers.ContentDisposition = "inline";
        return File(content.Bytes, content.ContentType);
    }
}
