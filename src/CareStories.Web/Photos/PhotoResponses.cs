using Microsoft.Net.Http.Headers;

namespace CareStories.Web.Photos;

/// <summary>
/// How a stored photo goes out, once its reader has been checked: keys never change, so a browser keeps the bytes
/// for good (privately: never a shared cache) and revalidates by ETag; the type is never sniffed.
/// </summary>
public static class PhotoResponses
{
    public static async Task<IActionResult> ServeAsync(
        this PageModel page, IPhotoStore store, string key, PhotoVariant size, CancellationToken cancellationToken)
    {
        var etag = new EntityTagHeaderValue($"\"{key}-{size.Slug()}\"");
        var headers = page.Response.Headers;
        headers.CacheControl = "private, max-age=31536000, immutable";
        headers.ETag = etag.ToString();
        headers.XContentTypeOptions = "nosniff";
        if (page.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return page.StatusCode(StatusCodes.Status304NotModified);
        }

        if (await store.OpenAsync(key, size, cancellationToken) is not { } content)
        {
            return page.NotFound();
        }

        headers.ContentDisposition = "inline";
        return page.File(content.Bytes, content.ContentType);
    }
}
