using System.Text.RegularExpressions;

namespace CareStories.Web.Photos;

/// <summary>The two sizes the app keeps of every photo.</summary>
public enum PhotoVariant
{
    Display = 0,
    Thumb = 1,
}

public static partial class PhotoVariants
{
    public static string Slug(this PhotoVariant variant) => variant == PhotoVariant.Thumb ? "thumb" : "display";

    public static bool TryParse(string? slug, out PhotoVariant variant)
    {
        switch (slug)
        {
            case "display":
                variant = PhotoVariant.Display;
                return true;
            case "thumb":
                variant = PhotoVariant.Thumb;
                return true;
            default:
                variant = default;
                return false;
        }
    }

    /// <summary>
    /// Keys are the app's own: 32 lowercase hex digits (a Guid "N"). Anything else never reaches a file name or a
    /// query, so no uploader or URL can name a path.
    /// </summary>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public static string EnsureValidKey(string key) =>
        IsValidKey(key) ? key : throw new ArgumentException("Not a photo key.", nameof(key));

    public static string NewKey() => Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}

/// <summary>A stored file's bytes and their content type.</summary>
public sealed record PhotoContent(byte[] Bytes, string ContentType);

/// <summary>Where the re-encoded photo files live: a folder on disk, or the database when instances share no disk.</summary>
public interface IPhotoStore
{
    Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The stored file, or null when there is none under that key.</summary>
    Task<PhotoContent?> OpenAsync(string key, PhotoVariant variant, CancellationToken cancellationToken = default);

    /// <summary>Deletes every variant stored under the key; nothing stored is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
