namespace CareStories.Domain.Stories;

/// <summary>
/// A picture the app has already decoded, re-encoded without metadata and stored under a key it chose:
/// the display size and the thumbnail share the key and the content type.
/// </summary>
public sealed record StoredPhotoFile(
    string StorageKey,
    string ContentType,
    int Width,
    int Height,
    int ThumbnailWidth,
    int ThumbnailHeight,
    long ByteSize);

/// <summary>A photo on a story, with the words that describe it for people who cannot see it.</summary>
public sealed class StoryPhoto
{
    public const int AltTextMaxLength = 250;
    public const int StorageKeyMaxLength = 64;

    private StoryPhoto()
    {
    }

    internal StoryPhoto(StoredPhotoFile file, string altText, int position, DateTimeOffset at)
    {
        StorageKey = file.StorageKey;
        ContentType = file.ContentType;
        Width = file.Width;
        Height = file.Height;
        ThumbnailWidth = file.ThumbnailWidth;
        ThumbnailHeight = file.ThumbnailHeight;
        ByteSize = file.ByteSize;
        AltText = altText;
        Position = position;
        AddedAt = at;
    }

    public int Id { get; private set; }

    public int StoryId { get; private set; }

    /// <summary>The app's own name for the stored files; never anything the uploader typed.</summary>
    public string StorageKey { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int ThumbnailWidth { get; private set; }

    public int ThumbnailHeight { get; private set; }

    public long ByteSize { get; private set; }

    public string AltText { get; private set; } = "";

    /// <summary>Order on the story: the first photo leads the feed card.</summary>
    public int Position { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The alternative text as it will be stored, or the reason it cannot be.</summary>
    public static string NormalizeAltText(string? altText)
    {
        var text = TextRules.SingleLine(altText);
        if (text.Length == 0)
        {
            throw new DomainException(
                "Describe the photo for people who cannot see it, for example \u201cAna handing the repaired bike back\u201d.",
                nameof(AltText));
        }

        if (text.Length > AltTextMaxLength)
        {
            throw new DomainException($"Keep the description to {AltTextMaxLength} characters or fewer.", nameof(AltText));
        }

        return text;
    }

    internal void Describe(string altText) => AltText = NormalizeAltText(altText);
}
