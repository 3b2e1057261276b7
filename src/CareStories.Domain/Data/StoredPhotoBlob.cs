namespace CareStories.Domain.Data;

/// <summary>
/// A stored photo file when photos live in the database (several app instances, no shared disk): the bytes of one
/// variant under the key the app chose.
/// </summary>
public sealed class StoredPhotoBlob
{
    public const int KeyMaxLength = 96;

    private StoredPhotoBlob()
    {
    }

    public StoredPhotoBlob(string key, string contentType, byte[] content, DateTimeOffset at)
    {
        Key = key;
        ContentType = contentType;
        Content = content;
        CreatedAt = at;
    }

    public string Key { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
}
