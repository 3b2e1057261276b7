namespace CareStories.Web.Photos;

/// <summary>
/// Photos as files in a folder outside wwwroot, so they are only ever served through the checked endpoint.
/// File names are the app's keys plus the variant; the content type is always JPEG (the processor's output).
/// </summary>
public sealed class FileSystemPhotoStore(string folder) : IPhotoStore
{
    private const string StoredContentType = "image/jpeg";

    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    public async Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, string contentType, CancellationToken cancellationToken = default)
    {
        if (contentType != StoredContentType)
        {
            throw new ArgumentException("Only re-encoded JPEG photos are stored.", nameof(contentType));
        }

        var path = PathFor(key, variant);
        // Written beside, then moved into place: a reader never sees half a file.
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<PhotoContent?> OpenAsync(string key, PhotoVariant variant, CancellationToken cancellationToken = default)
    {
        if (!PhotoVariants.IsValidKey(key))
        {
            return null;
        }

        var path = PathFor(key, variant);
        try
        {
            return new PhotoContent(await File.ReadAllBytesAsync(path, cancellationToken), StoredContentType);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        foreach (var variant in Enum.GetValues<PhotoVariant>())
        {
            File.Delete(PathFor(key, variant));
        }

        return Task.CompletedTask;
    }

    private string PathFor(string key, PhotoVariant variant) =>
        Path.Combine(Folder, $"{PhotoVariants.EnsureValidKey(key)}-{variant.Slug()}.jpg");
}
