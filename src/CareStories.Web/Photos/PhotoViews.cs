namespace CareStories.Web.Photos;

/// <summary>A photo as the pages show it: where its two sizes are served, how big they are, what it shows.</summary>
public sealed record PhotoView(int Id, string Key, string AltText, int Width, int Height, int ThumbnailWidth, int ThumbnailHeight)
{
    public string DisplayPath => PhotoPaths.For(Key, PhotoVariant.Display);

    public string ThumbnailPath => PhotoPaths.For(Key, PhotoVariant.Thumb);
}

public static class PhotoPaths
{
    /// <summary>The app-relative address of a stored photo ("~/photos/{key}/{variant}"), for Url.Content.</summary>
    public static string For(string key, PhotoVariant variant) => $"~/photos/{key}/{variant.Slug()}";

    /// <summary>The app-relative address of a person's profile photo.</summary>
    public static string ForPerson(string key, PhotoVariant variant) => $"~/people/photo/{key}/{variant.Slug()}";
}

public static class PhotoQueries
{
    /// <summary>A story's photos in their order, in one command.</summary>
    public static Task<List<PhotoView>> PhotosOfStoryAsync(this CareStoriesDbContext db, int storyId, CancellationToken cancellationToken) =>
        db.StoryPhotos.AsNoTracking()
            .Where(p => p.StoryId == storyId)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PhotoView(p.Id, p.StorageKey, p.AltText, p.Width, p.Height, p.ThumbnailWidth, p.ThumbnailHeight))
            .ToListAsync(cancellationToken);
}
