namespace CareStories.Web.Photos;

/// <summary>
/// Photos as rows, for several app instances with no shared disk. Writes go through a context of their own so
/// storing a file never saves a page's half-made changes along with it.
/// </summary>
public sealed class DatabasePhotoStore(CareStoriesDbContext db, IServiceScopeFactory scopes, TimeProvider time) : IPhotoStore
{
    public async Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, string contentType, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<CareStoriesDbContext>();
        own.PhotoBlobs.Add(new StoredPhotoBlob(BlobKey(key, variant), contentType, bytes, time.GetUtcNow()));
        await own.SaveChangesAsync(cancellationToken);
    }

    public async Task<PhotoContent?> OpenAsync(string key, PhotoVariant variant, CancellationToken cancellationToken = default)
    {
        if (!PhotoVariants.IsValidKey(key))
        {
            return null;
        }

        var blobKey = BlobKey(key, variant);
        return await db.PhotoBlobs.AsNoTracking()
            .Where(b => b.Key == blobKey)
            .Select(b => new PhotoContent(b.Content, b.ContentType))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var keys = Enum.GetValues<PhotoVariant>().Select(v => BlobKey(key, v)).ToList();
        await db.PhotoBlobs.Where(b => keys.Contains(b.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private static string BlobKey(string key, PhotoVariant variant) => $"{PhotoVariants.EnsureValidKey(key)}/{variant.Slug()}";
}
