namespace CareStories.Web.Photos;

public static class PhotoUploads
{
    /// <summary>An upload's bytes; a file too large is refused by its declared size, before it is held in memory.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > PhotoProcessor.MaxBytes)
        {
            throw new DomainException(PhotoProcessor.TooLargeMessage, PhotoProcessor.Field);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
