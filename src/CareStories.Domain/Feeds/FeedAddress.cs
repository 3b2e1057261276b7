using System.Security.Cryptography;
using System.Text;

namespace CareStories.Domain.Feeds;

/// <summary>
/// A person's secret address for the Atom feed of published stories, so a feed reader or a chat connector can read
/// it without signing in. Only a hash of the secret is stored: a copy of the database gives nobody a working
/// address, and resetting makes every address given out before stop working at once.
/// </summary>
public sealed class FeedAddress
{
    /// <summary>Bytes of randomness in a secret: 256 bits, so guessing one is hopeless.</summary>
    private const int SecretBytes = 32;

    private FeedAddress()
    {
    }

    private FeedAddress(string personId) => PersonId = personId;

    public string PersonId { get; private set; } = "";

    /// <summary>SHA-256 of the secret, as lowercase hex; looked up by equality, never compared by hand.</summary>
    public string SecretHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new address for this person; the secret is returned once, to be shown, and is not kept.</summary>
    public static (FeedAddress Address, string Secret) Issue(string personId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var address = new FeedAddress(personId);
        return (address, address.Reset(at));
    }

    /// <summary>Replaces the secret: the old address stops working the moment this is saved.</summary>
    public string Reset(DateTimeOffset at)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        SecretHash = HashOf(secret);
        CreatedAt = at;
        return secret;
    }

    /// <summary>The hash a secret from a URL is looked up by; anything that is not a well-formed secret hashes too.</summary>
    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "")));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
